package org.safereg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safereg.registration.testing.BiometricSamples.syntheticPair;
import static org.safereg.registration.testing.TestConsents.answer;
import static org.safereg.registration.testing.TestConsents.biometric;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.DataCategory;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.DenialReason;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.consent.ConsentDeclaration;
import org.safereg.privacy.consent.ConsentGiver;
import org.safereg.privacy.consent.ConsentRecord;
import org.safereg.privacy.consent.ConsentStatus;
import org.safereg.privacy.consent.DeliveryMode;
import org.safereg.privacy.consent.Notice;
import org.safereg.privacy.consent.PurposeConsent;
import org.safereg.registration.consent.ConsentHistory;
import org.safereg.registration.consent.ReconsentDue;
import org.safereg.registration.model.DocumentQuery;
import org.safereg.registration.model.Individual;
import org.safereg.registration.testing.TestConsents;

/**
 * Consent in the core: enrolment carries it (refused without a REG.ENROL basis, nothing written), biometric
 * capture needs explicit biometric consent, reads follow the latest answer per purpose (given, refused, withdrawn,
 * expired, none), searches leave out subjects without a basis, consent history, re-consent at majority, storage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentTest {
    private static final LocalDate DOB = LocalDate.of(1991, 5, 6);

    @TempDir
    static Path keys;
    CoreFixture f;

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
        assertThat(f.core.biometrics().loadGallery().ready()).isTrue();
    }

    @AfterAll
    void closeFixture() {
        f.close();
    }

    @Test
    void enrolmentWithoutAValidRegEnrolBasisIsRefusedAndWritesNothing() {
        long individuals = count("SELECT count(*) FROM individual");
        long auditBefore = f.auditCount();
        for (ConsentDeclaration consent : List.of(
                TestConsents.only(answer("ASSIST.CASH", LegalBasis.CONSENT, ConsentStatus.GIVEN)),
                TestConsents.only(answer("REG.ENROL", LegalBasis.CONSENT, ConsentStatus.REFUSED)),
                TestConsents.only(answer("REG.ENROL", LegalBasis.LEGITIMATE_INTEREST, ConsentStatus.GIVEN)))) {
            assertThatThrownBy(() -> f.core.individuals().enrol(f.registrar(), consent,
                    CoreFixture.person("Refused", "Enrolment", DOB, "REF-1", "+252 61 555 0600"), Optional.empty()))
                    .isInstanceOfSatisfying(AccessDeniedException.class,
                            e -> assertThat(e.reason()).isEqualTo(DenialReason.NO_CONSENT));
        }
        ConsentDeclaration expired = withValidity(TestConsents.only(answer("REG.ENROL", LegalBasis.CONSENT,
                ConsentStatus.GIVEN)), Instant.now().minusSeconds(60));
        assertThatThrownBy(() -> f.core.individuals().enrol(f.registrar(), expired,
                CoreFixture.rapid("Expired", CoreFixture.DISTRICT), Optional.empty()))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DenialReason.CONSENT_EXPIRED));

        assertThat(count("SELECT count(*) FROM individual")).isEqualTo(individuals);
        assertThat(f.auditAfter(auditBefore)).containsOnly("ENROL/DENIED");
    }

    @Test
    void aPublicInterestMandateIsABasisForEnrolment() {
        SubjectId id = enrol("Mandate", TestConsents.only(answer("REG.ENROL", LegalBasis.PUBLIC_INTEREST_MANDATE,
                ConsentStatus.GIVEN)));
        assertThat(f.core.individuals().read(f.registrar(), id).id()).isEqualTo(id);
        // no answer for ASSIST.CASH: no basis
        assertDenied(() -> f.core.individuals().read(cash(), id), DenialReason.NO_CONSENT);
    }

    @Test
    void readsFollowTheLatestAnswerForThePurpose() {
        SubjectId id = enrol("Standing", TestConsents.standard());
        assertThat(f.core.individuals().read(cash(), id).id()).isEqualTo(id);

        long before = f.auditCount();
        f.core.consents().withdraw(f.registrar(), id, PurposeCode.of("ASSIST.CASH"));
        assertDenied(() -> f.core.individuals().read(cash(), id), DenialReason.CONSENT_WITHDRAWN);
        assertThat(f.auditAfter(before)).containsExactly("CONSENT_WITHDRAW/SUCCESS", "READ/DENIED");
        // other purposes are unaffected
        assertThat(f.core.individuals().read(f.registrar(), id).id()).isEqualTo(id);

        f.core.consents().record(f.registrar(), id, TestConsents.only(answer("ASSIST.CASH", LegalBasis.CONSENT,
                ConsentStatus.REFUSED)));
        assertDenied(() -> f.core.individuals().read(cash(), id), DenialReason.NO_CONSENT);

        f.core.consents().record(f.registrar(), id, withValidity(TestConsents.only(answer("ASSIST.CASH",
                LegalBasis.CONSENT, ConsentStatus.GIVEN)), Instant.now().plusSeconds(3600)));
        assertThat(f.core.individuals().read(cash(), id).id()).isEqualTo(id);

        f.core.consents().record(f.registrar(), id, withValidity(TestConsents.only(answer("ASSIST.CASH",
                LegalBasis.CONSENT, ConsentStatus.GIVEN)), Instant.now().minusSeconds(1)));
        assertDenied(() -> f.core.individuals().read(cash(), id), DenialReason.CONSENT_EXPIRED);

        // nothing to withdraw any more
        f.core.consents().withdraw(f.registrar(), id, PurposeCode.of("PROT.CASE"));
        assertThatThrownBy(() -> f.core.consents().withdraw(f.registrar(), id, PurposeCode.of("PROT.CASE")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void everyReturnedRecordIsProjectedToThePurposesFields() {
        SubjectId id = enrol("Projected", TestConsents.standard());
        Individual cashView = f.core.individuals().read(cash(), id);
        assertThat(cashView.visible()).containsExactlyInAnyOrder(PersonalField.NAMES, PersonalField.SEX,
                PersonalField.BIRTH, PersonalField.HOUSEHOLD, PersonalField.CONTACT, PersonalField.LOCATION);
        assertThat(cashView.details().documents()).isEmpty();
        assertThat(cashView.details().specificNeeds()).isEmpty();
        assertThat(cashView.details().nationalities()).isEmpty();
        assertThat(cashView.details().populationCategory()).isEmpty();
        assertThat(cashView.details().contact()).isPresent();
        assertThat(cashView.details().location()).isPresent();
        assertThat(f.core.individuals().searchByNameAndBirthDate(cash(), "Projected Consent", DOB))
                .allSatisfy(i -> assertThat(i.details().documents()).isEmpty());

        Individual full = f.core.individuals().read(f.registrar(), id);
        assertThat(full.details().documents()).isNotEmpty();
        assertThat(full.details().specificNeeds()).isNotEmpty();
        assertThat(full.visible()).doesNotContain(PersonalField.BIOMETRICS, PersonalField.CASE_NOTES);
        assertThat(f.core.individuals().history(f.protection(), id))
                .allSatisfy(v -> assertThat(v.visible()).contains(PersonalField.CHANGE_HISTORY)
                        .doesNotContain(PersonalField.BIOMETRICS));
    }

    @Test
    void searchesAndListsLeaveOutSubjectsWithoutABasisForThePurpose() {
        SubjectId consenting = enrol("Twin", TestConsents.standard(), "TWIN-1");
        SubjectId withdrawn = enrol("Twin", TestConsents.standard(), "TWIN-2");
        f.core.consents().withdraw(f.registrar(), withdrawn, PurposeCode.of("ASSIST.CASH"));

        assertThat(f.core.individuals().searchByNameAndBirthDate(cash(), "Twin Consent", DOB))
                .extracting(Individual::id).containsExactly(consenting);
        assertThat(f.core.individuals().searchByNameAndBirthDate(f.registrar(), "Twin Consent", DOB))
                .extracting(Individual::id).containsExactlyInAnyOrder(consenting, withdrawn);
        assertThat(f.core.individuals().searchByDocument(cash(), DocumentQuery.number("TWIN-2"))).isEmpty();
        assertThat(f.core.individuals().listByLocation(cash(), CoreFixture.COUNTRY, new PageRequest(0, 500)).items())
                .extracting(Individual::id).contains(consenting).doesNotContain(withdrawn);
    }

    @Test
    void biometricCaptureNeedsExplicitConsentCoveringBiometrics() {
        long before = count("SELECT count(*) FROM individual");
        ConsentDeclaration plain = TestConsents.only(
                new PurposeConsent(PurposeCode.of("REG.ENROL"), LegalBasis.CONSENT,
                        Set.of(DataCategory.DEMOGRAPHIC, DataCategory.BIOMETRIC), Set.of(), Optional.empty(),
                        ConsentStatus.GIVEN));
        ConsentDeclaration noBiometric = TestConsents.only(answer("REG.ENROL", LegalBasis.EXPLICIT_CONSENT,
                ConsentStatus.GIVEN));
        for (ConsentDeclaration consent : List.of(plain, noBiometric)) {
            assertThatThrownBy(() -> f.core.biometrics().enrol(f.registrar(), consent,
                    CoreFixture.person("Finger", "Less", DOB, "BIO-0", "+252 61 555 0700"), syntheticPair(901, 0),
                    Optional.empty()))
                    .isInstanceOfSatisfying(AccessDeniedException.class,
                            e -> assertThat(e.reason()).isEqualTo(DenialReason.NO_CONSENT));
        }
        assertThat(count("SELECT count(*) FROM individual")).isEqualTo(before);
        // declared REG.DEDUP: the consent must also give a basis for REG.ENROL
        ConsentDeclaration dedupOnly = TestConsents.only(biometric("REG.DEDUP", LegalBasis.EXPLICIT_CONSENT));
        assertThatThrownBy(() -> f.core.biometrics().enrol(f.context("registrar", org.safereg.privacy.Role.REGISTRATION_OFFICER,
                "REG.DEDUP"), dedupOnly, CoreFixture.person("Dedup", "Only", DOB, "BIO-1", "+252 61 555 0701"),
                syntheticPair(902, 0), Optional.empty()))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DenialReason.NO_CONSENT));

        var enrolled = f.core.biometrics().enrol(f.registrar(), TestConsents.only(
                biometric("REG.ENROL", LegalBasis.EXPLICIT_CONSENT)),
                CoreFixture.person("Finger", "Ful", DOB, "BIO-2", "+252 61 555 0702"), syntheticPair(903, 0),
                Optional.empty());
        assertThat(count("SELECT count(*) FROM consent_record WHERE subject_id = '" + enrolled.id() + "'")).isEqualTo(1);
    }

    @Test
    void historyHoldsEveryRecordAndWithdrawalDecrypted() {
        SubjectId id = enrol("History", TestConsents.standard());
        ConsentDeclaration guardian = new ConsentDeclaration(new Notice("CHILD-NOTICE", "1", new byte[32]), "ar",
                DeliveryMode.PICTORIAL, true, ConsentGiver.PARENT_OR_GUARDIAN, Optional.of("guardian passport X1"),
                Optional.of(true), Optional.of(CoreFixture.CAMP), Optional.empty(),
                Optional.of(LocalDate.of(2031, 1, 17)),
                List.of(answer("PROT.CASE", LegalBasis.CONSENT, ConsentStatus.GIVEN)));
        ConsentRecord recorded = f.core.consents().record(f.registrar(), id, guardian);
        f.core.consents().withdraw(f.registrar(), id, PurposeCode.of("ASSIST.NFI"));

        ConsentHistory history = f.core.consents().history(f.dpo("SUBJECT_REQUEST"), id);

        assertThat(history.records()).hasSize(2);
        assertThat(history.records().get(1)).isEqualTo(recorded);
        assertThat(history.records().get(1).collectedBy()).isEqualTo("registrar");
        assertThat(history.records().get(0).declaration()).isEqualTo(TestConsents.standard());
        assertThat(history.withdrawals()).singleElement().satisfies(w -> {
            assertThat(w.purpose()).isEqualTo(PurposeCode.of("ASSIST.NFI"));
            assertThat(w.consent()).isEqualTo(history.records().get(0).id());
        });
        assertThat(history.current()).filteredOn(b -> b.purpose().value().equals("ASSIST.NFI"))
                .singleElement().satisfies(b -> assertThat(b.status()).isEqualTo(ConsentStatus.WITHDRAWN));
        assertThat(history.current()).filteredOn(b -> b.purpose().value().equals("PROT.CASE"))
                .singleElement().satisfies(b -> assertThat(b.basis()).isEqualTo(LegalBasis.CONSENT));

        // the record's details are ciphertext: neither the proxy's reference nor the notice id is stored in clear
        byte[] details = f.jdbc.sql("SELECT details FROM consent_record WHERE consent_id = ?")
                .param(recorded.id().value()).query(byte[].class).single();
        String raw = new String(details, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("guardian").doesNotContain("CHILD-NOTICE").doesNotContain("PICTORIAL");

        // re-consent at majority: only the month is in clear (the exact date is sealed in the details)
        assertThat(f.jdbc.sql("SELECT reconsent_month FROM consent_record WHERE consent_id = ?")
                .param(recorded.id().value()).query(LocalDate.class).single()).isEqualTo(LocalDate.of(2031, 1, 1));
        assertThat(history.records().get(1).declaration().reconsentAtMajority()).contains(LocalDate.of(2031, 1, 17));
        // listed when due (the due month or later), by the latest record, to the DPO under SUBJECT_REQUEST only
        var dpo = f.dpo("SUBJECT_REQUEST");
        assertThat(f.core.consents().dueForReconsent(dpo, YearMonth.of(2030, 12)))
                .extracting(ReconsentDue::subject).doesNotContain(id);
        assertThat(f.core.consents().dueForReconsent(dpo, YearMonth.of(2031, 1)))
                .contains(new ReconsentDue(id, YearMonth.of(2031, 1)));
        assertDenied(() -> f.core.consents().dueForReconsent(f.registrar(), YearMonth.of(2031, 1)),
                DenialReason.ACTION_NOT_COVERED_BY_PURPOSE);
    }

    @Test
    void aDeclarationNeverRecordsVitalInterestOrAnUnknownOrProhibitedPurpose() {
        SubjectId id = enrol("Declared", TestConsents.standard());
        // vital interest comes only from an approved break-glass grant: a declaration cannot even be built with it
        assertThatThrownBy(() -> answer("PROT.FAMILY_TRACING", LegalBasis.VITAL_INTEREST, ConsentStatus.GIVEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("break-glass");
        assertThatThrownBy(() -> answer("MILITARY", LegalBasis.CONSENT, ConsentStatus.GIVEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prohibited");

        long records = count("SELECT count(*) FROM consent_record");
        long individuals = count("SELECT count(*) FROM individual");
        ConsentDeclaration unknown = TestConsents.only(answer("REG.ENROL", LegalBasis.CONSENT, ConsentStatus.GIVEN),
                answer("ASSIST.FOOD", LegalBasis.CONSENT, ConsentStatus.GIVEN));
        assertThatThrownBy(() -> f.core.consents().record(f.registrar(), id, unknown))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::path).containsExactly("consent.purposes[1].purpose"));
        assertThatThrownBy(() -> f.core.individuals().enrol(f.registrar(), unknown,
                CoreFixture.rapid("Unknown", CoreFixture.DISTRICT), Optional.empty()))
                .isInstanceOf(ValidationException.class);
        assertThat(count("SELECT count(*) FROM consent_record")).isEqualTo(records);
        assertThat(count("SELECT count(*) FROM individual")).isEqualTo(individuals);
    }

    @Test
    void recipientsAreStoredAsCodesAndCarriedOnTheCurrentBasis() {
        SubjectId id = enrol("Recipients", TestConsents.standardNaming("ICRC", "WFP-SO"));
        assertThat(f.jdbc.sql("SELECT recipients FROM consent_purpose WHERE subject_id = ? AND purpose = 'ASSIST.CASH'")
                .param(id.value()).query((rs, n) -> List.of((Object[]) rs.getArray(1).getArray())).single())
                .containsExactly("ICRC", "WFP-SO");
        f.core.consents().withdraw(f.registrar(), id, PurposeCode.of("ASSIST.CASH"));
        ConsentHistory history = f.core.consents().history(f.dpo("SUBJECT_REQUEST"), id);
        assertThat(history.current()).filteredOn(b -> b.purpose().value().equals("ASSIST.CASH")).singleElement()
                .satisfies(b -> assertThat(b.recipients()).extracting(r -> r.value())
                        .containsExactlyInAnyOrder("ICRC", "WFP-SO"));
        assertThat(history.current()).filteredOn(b -> b.purpose().value().equals("REG.ENROL")).singleElement()
                .satisfies(b -> assertThat(b.recipients()).isEmpty());
    }

    @Test
    void consentRowsAreAppendOnlyAndErasureDeletesThem() {
        SubjectId id = enrol("Erased", TestConsents.standard());
        assertThatThrownBy(() -> f.jdbc.sql("UPDATE consent_purpose SET status = 'GIVEN' WHERE subject_id = ?")
                .param(id.value()).update()).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> f.jdbc.sql("UPDATE consent_record SET valid_until = now() WHERE subject_id = ?")
                .param(id.value()).update()).rootCause().hasMessageContaining("append-only");

        f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), id);

        assertThat(count("SELECT count(*) FROM consent_record WHERE subject_id = '" + id + "'")).isZero();
        assertThat(count("SELECT count(*) FROM consent_purpose WHERE subject_id = '" + id + "'")).isZero();
        assertThatThrownBy(() -> f.core.consents().history(f.dpo("SUBJECT_REQUEST"), id))
                .isInstanceOf(SubjectErasedException.class);
    }

    @Test
    void recordingConsentForAnUnknownSubjectIsNotFoundAndForAnErasedOneIsErased() {
        SubjectId unknown = SubjectId.random();
        assertThatThrownBy(() -> f.core.consents().record(f.registrar(), unknown, TestConsents.standard()))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> f.core.consents().history(f.registrar(), unknown))
                .isInstanceOf(RecordNotFoundException.class);
        SubjectId erased = enrol("Gone", TestConsents.standard());
        f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), erased);
        assertThatThrownBy(() -> f.core.consents().record(f.registrar(), erased, TestConsents.standard()))
                .isInstanceOf(SubjectErasedException.class);
        assertThat(count("SELECT count(*) FROM consent_record WHERE subject_id = '" + erased + "'")).isZero();
    }

    @Test
    void aConsentRecordedWhileTheSubjectsRowIsLockedWaitsAndThenSeesTheErasure() throws Exception {
        SubjectId id = enrol("Racing", TestConsents.standard());
        try (java.sql.Connection eraser = f.dataSource.getConnection()) {
            eraser.setAutoCommit(false);
            try (var lock = eraser.prepareStatement("SELECT 1 FROM individual WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, id.value());
                lock.executeQuery().close();
            }
            var recording = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> f.core.consents().record(f.registrar(), id, TestConsents.standard()));
            Thread.sleep(500);
            assertThat(recording).as("the record waits for the erasure's row lock").isNotDone();
            try (var mark = eraser.prepareStatement("UPDATE individual SET status = 'ERASED' WHERE id = ?")) {
                mark.setObject(1, id.value());
                mark.executeUpdate();
            }
            eraser.commit();
            assertThatThrownBy(() -> recording.get(30, java.util.concurrent.TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SubjectErasedException.class);
        }
        assertThat(count("SELECT count(*) FROM consent_record WHERE subject_id = '" + id + "'")).isEqualTo(1);
    }

    private RequestContext cash() {
        return f.context("cash", org.safereg.privacy.Role.REGISTRATION_OFFICER, "ASSIST.CASH");
    }

    private SubjectId enrol(String given, ConsentDeclaration consent) {
        return enrol(given, consent, "C-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private SubjectId enrol(String given, ConsentDeclaration consent, String passport) {
        return f.core.individuals().enrol(f.registrar(), consent,
                CoreFixture.person(given, "Consent", DOB, passport, "+252 61 555 0800"), Optional.empty()).id();
    }

    private static ConsentDeclaration withValidity(ConsentDeclaration d, Instant until) {
        return new ConsentDeclaration(d.notice(), d.language(), d.delivery(), d.interpreterUsed(), d.givenBy(),
                d.proxyReference(), d.childAssent(), d.site(), Optional.of(until.truncatedTo(ChronoUnit.MICROS)),
                d.reconsentAtMajority(), d.purposes());
    }

    private static void assertDenied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, DenialReason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AccessDeniedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private long count(String sql) {
        return f.jdbc.sql(sql).query(Long.class).single();
    }
}
