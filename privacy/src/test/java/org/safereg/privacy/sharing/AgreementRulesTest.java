package org.safereg.privacy.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PurposeCode;

class AgreementRulesTest {
    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    static final Predicate<PurposeCode> DISCLOSABLE = p -> p.value().startsWith("ASSIST.");

    static AgreementTerms terms(Set<String> purposes, Set<PersonalField> fields, Instant from, Instant until,
                                Optional<String> country, String name, String signatory) {
        return new AgreementTerms(RecipientId.of("WFP-SO"), name,
                purposes.stream().map(PurposeCode::of).collect(java.util.stream.Collectors.toSet()), fields, from,
                until, country, LegalBasis.PUBLIC_INTEREST_MANDATE, signatory);
    }

    static AgreementTerms valid() {
        return terms(Set.of("ASSIST.CASH"), Set.of(PersonalField.NAMES, PersonalField.CONTACT), NOW,
                NOW.plus(Duration.ofDays(365)), Optional.of("KEN"), "World Food Programme Somalia", "A. Signatory");
    }

    @Test
    void validTermsBreakNoRule() {
        assertThat(AgreementRules.violations(valid(), DISCLOSABLE, NOW)).isEmpty();
        assertThat(valid().transborder()).isTrue();
    }

    @Test
    void everyBrokenRuleIsReportedWithItsPath() {
        AgreementTerms bad = terms(Set.of("LAW_ENFORCEMENT", "AUDIT"), Set.of(PersonalField.BIOMETRICS,
                        PersonalField.CASE_NOTES, PersonalField.CHANGE_HISTORY), NOW, NOW.minusSeconds(1),
                Optional.of("XYZ"), " ", "line\nbreak");

        assertThat(AgreementRules.violations(bad, DISCLOSABLE, NOW)).extracting(Violation::path).containsExactly(
                "recipientName", "signatory", "purposes", "purposes", "fields", "fields", "fields", "validUntil",
                "validUntil", "destinationCountry");
        assertThat(AgreementRules.violations(bad, DISCLOSABLE, NOW)).extracting(Violation::message)
                .contains("AUDIT is not a purpose for which data may be disclosed to recipients",
                        "LAW_ENFORCEMENT is a prohibited purpose");
    }

    @Test
    void prohibitedPurposesStayRefusedWhateverTheCatalogueSays() {
        AgreementTerms military = terms(Set.of("MILITARY"), Set.of(PersonalField.NAMES), NOW,
                NOW.plusSeconds(60), Optional.empty(), "Recipient", "Signatory");

        assertThat(AgreementRules.violations(military, p -> true, NOW))
                .containsExactly(new Violation("purposes", "MILITARY is a prohibited purpose"));
    }

    @Test
    void emptyPurposesAndFieldsAndOverlongValidityAreRefused() {
        AgreementTerms empty = terms(Set.of(), Set.of(), NOW, NOW.plus(Duration.ofDays(6 * 366)), Optional.empty(),
                "x".repeat(201), "Signatory");

        assertThat(AgreementRules.violations(empty, DISCLOSABLE, NOW)).containsExactly(
                new Violation("recipientName", "at most 200 characters"),
                new Violation("purposes", "name at least one purpose"),
                new Violation("fields", "name at least one field"),
                new Violation("validUntil", "an agreement may run at most five years"));
    }

    @Test
    void countryCodesAreAssignedAlpha3Codes() {
        assertThat(AgreementRules.isCountryCode("KEN")).isTrue();
        assertThat(AgreementRules.isCountryCode("SOM")).isTrue();
        assertThat(AgreementRules.isCountryCode("ken")).isFalse();
        assertThat(AgreementRules.isCountryCode("KE")).isFalse();
        assertThat(AgreementRules.isCountryCode("XXA")).isFalse();
        assertThat(AgreementRules.isCountryCode(null)).isFalse();
    }

    @Test
    void agreementFromTermsIsActiveInItsWindowUntilRevoked() {
        DataSharingAgreement agreement = valid().toAgreement(AgreementId.random(), Optional.empty());
        DataSharingAgreement revoked = valid().toAgreement(AgreementId.random(), Optional.of(NOW.plusSeconds(10)));

        assertThat(agreement.covers(PurposeCode.of("ASSIST.CASH"), NOW)).isTrue();
        assertThat(agreement.covers(PurposeCode.of("ASSIST.NFI"), NOW)).isFalse();
        assertThat(agreement.activeAt(NOW.plus(Duration.ofDays(365)))).isFalse();
        assertThat(revoked.activeAt(NOW.plusSeconds(9))).isTrue();
        assertThat(revoked.activeAt(NOW.plusSeconds(10))).isFalse();
        assertThatThrownBy(() -> terms(Set.of("ASSIST.CASH"), Set.of(PersonalField.NAMES), NOW, NOW,
                Optional.empty(), "R", "S").toAgreement(AgreementId.random(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
