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

    @Test
    void anActiveBreakGlassGrantIsABasisRetentionRespects() {
        SubjectId granted = enrol("Grantedglass");
        for (PurposeCode purpose : standardPurposes()) {
            f.core.consents().withdraw(f.dpo("SUBJECT_REQUEST"), granted, purpose);
        }
        assertThat(f.core.retention().report(f.dpo("ADMIN.RETENTION")).subjects())
                .extracting(RetentionCandidate::subject).contains(granted);
        var request = f.core.breakGlass().request(
                f.context("protection", org.safereg.privacy.Role.PROTECTION_OFFICER, "PROT.CASE"), granted,
                "person missing after a flood, family asks");
        f.core.breakGlass().approve(
                f.context("protection2", org.safereg.privacy.Role.PROTECTION_OFFICER, "PROT.CASE"), request.id());

        assertThat(f.core.retention().report(f.dpo("ADMIN.RETENTION")).subjects())
                .extracting(RetentionCandidate::subject).doesNotContain(granted);
        assertThat(f.core.retention().run(f.dpo("ADMIN.RETENTION")).erased())
                .extracting(r -> r.candidate().subject()).doesNotContain(granted);
        assertThat(f.core.individuals().read(f.dpo("SUBJECT_REQUEST"), granted).id()).isEqualTo(granted);
    }

    @Test
    void aBasisRecordedAfterTheDryRunIsSeenInsideTheErasureTransaction() throws Exception {
        SubjectId changedMind = enrol("Changedmind");
        for (PurposeCode purpose : standardPurposes()) {
            f.core.consents().withdraw(f.dpo("SUBJECT_REQUEST"), changedMind, purpose);
        }
        RetentionRun run;
        long before = f.auditCount();
        try (java.sql.Connection other = f.dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("SELECT 1 FROM individual WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, changedMind.value());
                lock.executeQuery().close();
            }
            var running = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> f.core.retention().run(f.dpo("ADMIN.RETENTION")));
            // the run lists the subject in its dry run, then waits for the row lock to erase them
            long deadline = System.currentTimeMillis() + 30_000;
            while (f.jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock'").query(Long.class).single() == 0) {
                assertThat(System.currentTimeMillis()).as("the run waits for the row lock").isLessThan(deadline);
                assertThat(running).isNotDone();
                Thread.sleep(20);
            }
            // meanwhile the person consents again (written as ConsentService does, under the row lock)
            try (var consent = other.prepareStatement("""
                    INSERT INTO consent_purpose (consent_id, subject_id, purpose, legal_basis, status, categories,
                        recipients, recorded_at, valid_until)
                    SELECT consent_id, subject_id, 'REG.ENROL', 'CONSENT', 'GIVEN', '{DEMOGRAPHIC}', '{}', now(), NULL
                    FROM consent_record WHERE subject_id = ? LIMIT 1""")) {
                consent.setObject(1, changedMind.value());
                assertThat(consent.executeUpdate()).isEqualTo(1);
            }
            other.commit();
            run = running.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }

        assertThat(run.erased()).extracting(r -> r.candidate().subject()).doesNotContain(changedMind);
        assertThat(f.core.individuals().read(f.registrar(), changedMind).id()).isEqualTo(changedMind);
        assertThat(f.auditAfter(before)).as("the erasure found nothing to erase").contains("ERASE/NOT_FOUND");
    }
}
