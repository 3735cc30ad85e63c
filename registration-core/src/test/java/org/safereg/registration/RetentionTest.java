package org.safereg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.consent.ConsentDeclaration;
import org.safereg.privacy.consent.PurposeConsent;
import org.safereg.registration.retention.ExpiredBasis;
import org.safereg.registration.retention.RetentionCandidate;
import org.safereg.registration.retention.RetentionReport;
import org.safereg.registration.retention.RetentionRun;
import org.safereg.registration.rights.ErasedItem;
import org.safereg.registration.testing.TestConsents;

/**
 * Retention on real consent records: the dry run lists exactly the individuals whose every basis has ended (all
 * consent withdrawn; all consent expired), not those with one basis alive; the run erases exactly those, with
 * receipts under ADMIN.RETENTION; both are audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionTest {
    static final LocalDate DOB = LocalDate.of(1992, 2, 29);
    @TempDir
    static Path keys;
    CoreFixture f;

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
    }

    @AfterAll
    void closeFixture() {
        f.close();
    }

    SubjectId enrol(String given) {
        return f.core.individuals().enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person(given, "Retention", DOB, "RET-" + given, "+252 61 555 0800"), Optional.empty()).id();
    }

    List<PurposeCode> standardPurposes() {
        return TestConsents.standard().purposes().stream().map(PurposeConsent::purpose).toList();
    }

    @Test
    void theDryRunListsExactlyTheExpiredRecordsAndTheRunErasesExactlyThem() throws Exception {
        SubjectId kept = enrol("Keptalive");
        SubjectId mixed = enrol("Mixedbases");
        SubjectId withdrawn = enrol("Withdrawnall");
        SubjectId expired = enrol("Expiredall");
        f.core.consents().withdraw(f.registrar(), mixed, PurposeCode.of("ASSIST.CASH"));
        for (PurposeCode purpose : standardPurposes()) {
            f.core.consents().withdraw(f.dpo("SUBJECT_REQUEST"), withdrawn, purpose);
        }
        ConsentDeclaration standard = TestConsents.standard();
        Instant lapse = Instant.now().plus(1500, ChronoUnit.MILLIS);
        f.core.consents().record(f.dpo("SUBJECT_REQUEST"), expired, new ConsentDeclaration(standard.notice(),
                standard.language(), standard.delivery(), standard.interpreterUsed(), standard.givenBy(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(lapse), Optional.empty(),
                standard.purposes()));
        Thread.sleep(Math.max(0, lapse.toEpochMilli() - System.currentTimeMillis() + 100));
        long before = f.auditCount();

        RetentionReport report = f.core.retention().report(f.dpo("ADMIN.RETENTION"));

        List<SubjectId> expected = List.of(withdrawn, expired);
        assertThat(report.subjects()).extracting(RetentionCandidate::subject)
                .containsExactlyInAnyOrderElementsOf(expected);
        RetentionCandidate w = report.subjects().stream().filter(c -> c.subject().equals(withdrawn)).findFirst()
                .orElseThrow();
        assertThat(w.bases()).hasSize(standardPurposes().size());
        assertThat(w.bases()).extracting(ExpiredBasis::reason)
                .containsOnly(ExpiredBasis.Reason.WITHDRAWN);
        RetentionCandidate e = report.subjects().stream().filter(c -> c.subject().equals(expired)).findFirst()
                .orElseThrow();
        assertThat(e.bases()).extracting(ExpiredBasis::reason).containsOnly(ExpiredBasis.Reason.VALIDITY_ENDED);
        assertThat(f.auditAfter(before)).containsExactly("RETENTION_REVIEW/SUCCESS", "RETENTION_REVIEW/SUCCESS");
        // a dry run changes nothing
        assertThat(f.core.individuals().read(f.dpo("SUBJECT_REQUEST"), withdrawn).id()).isEqualTo(withdrawn);

        before = f.auditCount();
        RetentionRun run = f.core.retention().run(f.dpo("ADMIN.RETENTION"));

        assertThat(run.erased()).extracting(r -> r.candidate().subject())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(run.erased()).allSatisfy(r -> {
            assertThat(r.receipt().receipt().purpose()).isEqualTo("ADMIN.RETENTION");
            assertThat(r.receipt().receipt().removed().get(ErasedItem.CONSENT_RECORDS)).isPositive();
        });
        assertThat(f.auditAfter(before)).containsExactly("RETENTION_REVIEW/SUCCESS", "RETENTION_REVIEW/SUCCESS",
                "ERASE/SUCCESS", "ERASE/SUCCESS");
        assertThat(f.jdbc.sql("SELECT DISTINCT purpose FROM audit_event WHERE seq > ?").param(before)
                .query(String.class).list()).containsExactly("ADMIN.RETENTION");
        for (SubjectId gone : expected) {
            assertThatThrownBy(() -> f.core.individuals().read(f.dpo("SUBJECT_REQUEST"), gone))
                    .isInstanceOf(SubjectErasedException.class);
            assertThat(f.jdbc.sql("SELECT count(*) FROM consent_purpose WHERE subject_id = ?").param(gone.value())
                    .query(Long.class).single()).isZero();
        }
        assertThat(f.core.individuals().read(f.registrar(), kept).id()).isEqualTo(kept);
        assertThat(f.core.individuals().read(f.registrar(), mixed).id()).isEqualTo(mixed);

        before = f.auditCount();
        assertThat(f.core.retention().report(f.dpo("ADMIN.RETENTION")).subjects()).isEmpty();
        assertThat(f.auditAfter(before)).containsExactly("RETENTION_REVIEW/NOT_FOUND");
        assertThatThrownBy(() -> f.core.retention().report(f.registrar())).isInstanceOf(AccessDeniedException.class);
    }
}
