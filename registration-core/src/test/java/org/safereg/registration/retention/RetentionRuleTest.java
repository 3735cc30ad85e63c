package org.safereg.registration.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safereg.keys.DataCategory;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PurposeCatalogue;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.consent.BasisRecord;
import org.safereg.privacy.consent.ConsentStatus;

/** The retention rule on the default catalogue (ASSIST.CASH keeps 2 years, REG.ENROL 10 years). */
class RetentionRuleTest {
    static final Instant NOW = Instant.parse("2030-06-01T00:00:00Z");
    static final PurposeCatalogue CATALOGUE = PurposeCatalogue.defaults();

    static BasisRecord record(String purpose, LegalBasis basis, ConsentStatus status, Instant recordedAt,
                              Instant validUntil) {
        return new BasisRecord(PurposeCode.of(purpose), basis, status, Set.of(DataCategory.DEMOGRAPHIC), recordedAt,
                Optional.ofNullable(validUntil));
    }

    static Instant daysAgo(long days) {
        return NOW.minus(days, ChronoUnit.DAYS);
    }

    @Test
    void aSubjectIsKeptWhileOneBasisIsAlive() {
        BasisRecord withdrawn = record("ASSIST.CASH", LegalBasis.CONSENT, ConsentStatus.WITHDRAWN, daysAgo(3), null);
        BasisRecord given = record("REG.ENROL", LegalBasis.CONSENT, ConsentStatus.GIVEN, daysAgo(30), daysAgo(-30));

        assertThat(RetentionRule.evaluate(List.of(withdrawn, given), CATALOGUE, NOW)).isEmpty();
        assertThat(RetentionRule.evaluate(List.of(), CATALOGUE, NOW)).isEmpty();
        assertThat(RetentionRule.evaluate(List.of(record("NOT.IN_CATALOGUE", LegalBasis.CONSENT, ConsentStatus.GIVEN,
                daysAgo(5000), null)), CATALOGUE, NOW)).isEmpty();
    }

    @Test
    void everyEndedBasisIsListedWithItsReasonAndSince() {
        BasisRecord withdrawn = record("ASSIST.CASH", LegalBasis.CONSENT, ConsentStatus.WITHDRAWN, daysAgo(3), null);
        BasisRecord refused = record("PROT.CASE", LegalBasis.CONSENT, ConsentStatus.REFUSED, daysAgo(4), null);
        BasisRecord expired = record("REG.ENROL", LegalBasis.CONSENT, ConsentStatus.GIVEN, daysAgo(100), daysAgo(1));
        BasisRecord pastRetention = record("ASSIST.NFI", LegalBasis.PUBLIC_INTEREST_MANDATE, ConsentStatus.GIVEN,
                Instant.parse("2028-05-31T00:00:00Z"), null);

        List<ExpiredBasis> ended = RetentionRule.evaluate(List.of(withdrawn, refused, expired, pastRetention),
                CATALOGUE, NOW).orElseThrow();

        assertThat(ended).extracting(ExpiredBasis::purpose).extracting(PurposeCode::value)
                .containsExactly("ASSIST.CASH", "ASSIST.NFI", "PROT.CASE", "REG.ENROL");
        assertThat(ended).extracting(ExpiredBasis::reason).containsExactly(ExpiredBasis.Reason.WITHDRAWN,
                ExpiredBasis.Reason.RETENTION_ENDED, ExpiredBasis.Reason.REFUSED, ExpiredBasis.Reason.VALIDITY_ENDED);
        assertThat(ended.get(1).since()).isEqualTo(Instant.parse("2030-05-31T00:00:00Z"));
        assertThat(ended.get(3).since()).isEqualTo(daysAgo(1));
        // one day inside the two-year retention is still alive
        assertThat(RetentionRule.evaluate(List.of(record("ASSIST.NFI", LegalBasis.PUBLIC_INTEREST_MANDATE,
                ConsentStatus.GIVEN, Instant.parse("2028-06-02T00:00:00Z"), null)), CATALOGUE, NOW)).isEmpty();
    }
}
