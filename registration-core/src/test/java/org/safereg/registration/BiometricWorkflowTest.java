package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safereg.registration.testing.BiometricSamples.synthetic;
import static org.safereg.registration.testing.BiometricSamples.syntheticPair;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.SubjectId;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.RejectionReason;
import org.safereg.privacy.Actor;
import org.safereg.privacy.DenialReason;
import org.safereg.privacy.Role;
import org.safereg.registration.biometrics.AdjudicationCase;
import org.safereg.registration.biometrics.AdjudicationDecision;
import org.safereg.registration.biometrics.BiometricEnrolmentResult;
import org.safereg.registration.biometrics.BiometricService;
import org.safereg.registration.biometrics.BiometricSettings;
import org.safereg.registration.biometrics.BiometricVerification;
import org.safereg.registration.biometrics.CaseStatus;
import org.safereg.registration.biometrics.FingerImage;
import org.safereg.registration.biometrics.FingerprintCapture;
import org.safereg.registration.biometrics.IdentificationResult;
import org.safereg.registration.biometrics.MatchCandidate;
import org.safereg.registration.biometrics.VerificationRateLimit;
import org.safereg.registration.model.DocumentQuery;
import org.safereg.registration.model.HouseholdEnrolment;
import org.safereg.registration.model.IdempotencyKey;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.RegistrationStatus;
import org.safereg.registration.model.Relationship;
import org.safereg.registration.testing.BiometricSamples;

/**
 * The biometric workflow on synthetic prints (always runs): enrolment with deduplication, adjudication
 * (DUPLICATE, DISTINCT, images, separation of duties), rejection of unusable captures, verification with its rate
 * limit, identification and the policy around each step. Each test uses its own synthetic fingers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BiometricWorkflowTest {
    @TempDir
    static Path keys;
    CoreFixture f;
    BiometricService bio;

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys, BiometricSettings.defaults()
                .withVerificationRateLimit(new VerificationRateLimit(3, Duration.ofHours(1))));
        bio = f.core.biometrics();
        assertThat(bio.loadGallery().ready()).isTrue();
    }

    @AfterAll
    void closeFixture() {
        f.close();
    }

    static IndividualDetails person(String given, String passport) {
        return CoreFixture.person(given, "Biometric", LocalDate.of(1990, 3, 4), passport, "+252 61 000 0000");
    }

    BiometricEnrolmentResult enrol(String given, List<FingerprintCapture> captures) {
        return bio.enrol(f.registrar(), TestConsents.standard(), person(given, "P-" + given), captures, Optional.empty());
    }

    @Test
    void sameFingersAgainGoToAdjudicationAndADuplicateDecisionKeepsOneIdentity() {
        BiometricEnrolmentResult a = enrol("Amina", syntheticPair(1, 0));
        assertThat(a.status()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(a.adjudicationCase()).isEmpty();
        assertThat(a.candidates()).isEmpty();
        assertThat(a.threshold()).isEqualTo(70.0);

        long before = f.auditCount();
        BiometricEnrolmentResult b = enrol("Bisharo", syntheticPair(1, 1));
        assertThat(b.status()).isEqualTo(RegistrationStatus.PENDING_ADJUDICATION);
        assertThat(b.adjudicationCase()).isPresent();
        assertThat(b.candidates()).extracting(MatchCandidate::subject).containsExactly(a.id());
        MatchCandidate top = b.candidates().get(0);
        assertThat(top.rank()).isEqualTo(1);
        assertThat(top.score()).isGreaterThanOrEqualTo(70);
        assertThat(top.fingers()).hasSize(2).allSatisfy(s -> assertThat(s.score()).isPositive());
        assertThat(top.status()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(f.auditAfter(before)).containsExactly("BIOMETRIC_ENROL/SUCCESS", "BIOMETRIC_ENROL/SUCCESS");
        // pending registrations are not searchable by document, listed or counted
        assertThat(f.core.individuals().searchByDocument(f.registrar(), DocumentQuery.number("P-Bisharo"))).isEmpty();
        assertThat(statisticsRows()).isEqualTo(activeCount());

        AdjudicationCase pending = bio.adjudicationCase(f.adjudicator(), b.adjudicationCase().get());
        assertThat(pending.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(pending.subject()).isEqualTo(b.id());
        assertThat(pending.positions()).containsExactly(BiometricSamples.TWO);
        assertThat(pending.candidates()).extracting(MatchCandidate::subject).containsExactly(a.id());
        assertThat(pending.createdBy()).isEqualTo("registrar");
        assertThat(bio.adjudicationQueue(f.adjudicator(), new PageRequest(0, 50)).items())
                .anySatisfy(s -> assertThat(s.id()).isEqualTo(pending.id()));

        before = f.auditCount();
        AdjudicationCase decided = bio.decide(f.adjudicator(), pending.id(), AdjudicationDecision.DUPLICATE,
                Optional.of(a.id()), "same fingers and same face as the existing registration");
        assertThat(f.auditAfter(before)).containsExactly("ADJUDICATION_DECIDE/SUCCESS", "ADJUDICATION_DECIDE/SUCCESS");
        assertThat(decided.status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(decided.subjectStatus()).isEqualTo(RegistrationStatus.DUPLICATE);
        assertThat(decided.outcome()).hasValueSatisfying(o -> {
            assertThat(o.decision()).isEqualTo(AdjudicationDecision.DUPLICATE);
            assertThat(o.duplicateOf()).contains(a.id());
            assertThat(o.reason()).isEqualTo("same fingers and same face as the existing registration");
            assertThat(o.decidedBy()).isEqualTo("adjudicator");
        });
        assertThat(bio.registrationState(f.registrar(), b.id()).duplicateOf()).contains(a.id());
        assertThat(bio.adjudicationQueue(f.adjudicator(), new PageRequest(0, 50)).items())
                .noneSatisfy(s -> assertThat(s.id()).isEqualTo(pending.id()));
        // one identity: the duplicate left the gallery, so the same fingers now find A only
        IdentificationResult found = bio.identify(f.adjudicator(), syntheticPair(1, 2));
        assertThat(found.candidates()).extracting(MatchCandidate::subject).containsExactly(a.id());
        assertThat(statisticsRows()).isEqualTo(activeCount());
        // decided once
        assertThatThrownBy(() -> bio.decide(f.adjudicator(), pending.id(), AdjudicationDecision.DISTINCT,
                Optional.empty(), "second thoughts")).isInstanceOf(AdjudicationConflictException.class);
    }

    @Test
    void differentFingersAreActiveAndADistinctDecisionActivates() {
        BiometricEnrolmentResult c = enrol("Cawo", syntheticPair(11, 0));
        BiometricEnrolmentResult d = enrol("Dahir", syntheticPair(13, 0));
        assertThat(c.status()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(d.status()).isEqualTo(RegistrationStatus.ACTIVE);

        BiometricEnrolmentResult twin = enrol("Cawo-twin", syntheticPair(11, 1));
        assertThat(twin.status()).isEqualTo(RegistrationStatus.PENDING_ADJUDICATION);
        long statistics = statisticsRows();
        AdjudicationCase decided = bio.decide(f.adjudicator(), twin.adjudicationCase().orElseThrow(),
                AdjudicationDecision.DISTINCT, Optional.empty(), "identical twins, checked documents");
        assertThat(decided.subjectStatus()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(decided.outcome().orElseThrow().duplicateOf()).isEmpty();
        assertThat(statisticsRows()).isEqualTo(statistics + 1);
        assertThat(f.core.individuals().searchByDocument(f.registrar(), DocumentQuery.number("P-Cawo-twin")))
                .hasSize(1);
        // both stay searchable
        assertThat(bio.identify(f.adjudicator(), syntheticPair(11, 2)).candidates())
                .extracting(MatchCandidate::subject).containsExactlyInAnyOrder(c.id(), twin.id());
    }

    @Test
    void decisionsAreForAdjudicatorsOtherThanTheCapturingOfficer() {
        enrol("Ebyan", syntheticPair(21, 0));
        BiometricEnrolmentResult again = enrol("Ebyan-again", syntheticPair(21, 1));
        var caseId = again.adjudicationCase().orElseThrow();

        long before = f.auditCount();
        assertThatThrownBy(() -> bio.adjudicationCase(f.registrar(), caseId))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DenialReason.ACTION_NOT_ALLOWED_FOR_ROLE));
        assertThatThrownBy(() -> bio.decide(f.context("registrar", Role.REGISTRATION_OFFICER, "REG.DEDUP"), caseId,
                AdjudicationDecision.DISTINCT, Optional.empty(), "mine"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.auditAfter(before)).containsExactly("ADJUDICATION_VIEW/DENIED", "ADJUDICATION_DECIDE/DENIED");
        // an adjudicator may not capture
        assertThatThrownBy(() -> bio.enrol(f.adjudicator(), TestConsents.standard(), person("Ebyan-3", "P-E3"), syntheticPair(21, 2),
                Optional.empty())).isInstanceOf(AccessDeniedException.class);
        // the registrar, even holding the adjudicator role too, may not decide their own capture
        RequestContext both = RequestContext.of(new Actor("registrar", Set.of(Role.REGISTRATION_OFFICER,
                Role.ADJUDICATOR)), "REG.DEDUP", "req-both");
        assertThatThrownBy(() -> bio.decide(both, caseId, AdjudicationDecision.DISTINCT, Optional.empty(), "mine"))
                .isInstanceOf(AdjudicationConflictException.class);
        // DUPLICATE needs one of the case's candidates
        assertThatThrownBy(() -> bio.decide(f.adjudicator(), caseId, AdjudicationDecision.DUPLICATE,
                Optional.of(SubjectId.random()), "someone else"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::path).containsExactly("duplicateOf"));
        assertThatThrownBy(() -> bio.decide(f.adjudicator(), caseId, AdjudicationDecision.DUPLICATE,
                Optional.empty(), "no target"))
                .isInstanceOf(ValidationException.class);
        assertThat(bio.adjudicationCase(f.adjudicator(), caseId).status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void imagesAreShownToAdjudicatorsForOpenCasesOnly() {
        BiometricEnrolmentResult first = enrol("Faadumo", syntheticPair(31, 0));
        BiometricEnrolmentResult second = enrol("Faadumo-2", syntheticPair(31, 1));
        var caseId = second.adjudicationCase().orElseThrow();

        FingerImage candidateImage = bio.caseImage(f.adjudicator(), caseId, first.id(), FingerPosition.LEFT_INDEX);
        assertThat(candidateImage.image()).isEqualTo(synthetic(32, 0));
        assertThat(candidateImage.format()).hasToString("PNG");
        FingerImage subjectImage = bio.caseImage(f.adjudicator(), caseId, second.id(), FingerPosition.RIGHT_INDEX);
        assertThat(subjectImage.image()).isEqualTo(synthetic(31, 1));
        assertThat(f.lastAudit()).containsEntry("action", "BIOMETRIC_IMAGE_VIEW").containsEntry("purpose", "REG.DEDUP");

        BiometricEnrolmentResult outsider = enrol("Outsider", syntheticPair(41, 0));
        assertThatThrownBy(() -> bio.caseImage(f.adjudicator(), caseId, outsider.id(), FingerPosition.RIGHT_INDEX))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> bio.caseImage(f.adjudicator(), caseId, first.id(), FingerPosition.LEFT_THUMB))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> bio.caseImage(f.registrar(), caseId, first.id(), FingerPosition.LEFT_INDEX))
                .isInstanceOf(AccessDeniedException.class);

        bio.decide(f.adjudicator(), caseId, AdjudicationDecision.DUPLICATE, Optional.of(first.id()), "same person");
        assertThatThrownBy(() -> bio.caseImage(f.adjudicator(), caseId, first.id(), FingerPosition.LEFT_INDEX))
                .isInstanceOf(AdjudicationConflictException.class);
    }

    @Test
    void unusableCapturesAreRejectedWithTheirReasonAndNothingIsStored() {
        long individuals = f.jdbc.sql("SELECT count(*) FROM individual").query(Long.class).single();
        long before = f.auditCount();
        assertRejected(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, RejectionReason.UNSUPPORTED_FORMAT);
        assertRejected(png(1, 1, 0), RejectionReason.TOO_SMALL_PIXELS);
        assertRejected(png(400, 400, 200), RejectionReason.BLANK_IMAGE);
        assertThat(f.auditAfter(before)).containsOnly("BIOMETRIC_ENROL/FAILED").hasSize(3);
        assertThat(f.jdbc.sql("SELECT count(*) FROM individual").query(Long.class).single()).isEqualTo(individuals);

        assertThatThrownBy(() -> enrol("Twice", List.of(FingerprintCapture.of(FingerPosition.RIGHT_INDEX, synthetic(51, 0)),
                FingerprintCapture.of(FingerPosition.RIGHT_INDEX, synthetic(52, 0)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::path).containsExactly("fingerprints[1].position"));
        assertThatThrownBy(() -> enrol("None", List.of())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> enrol("LowDpi", List.of(new FingerprintCapture(FingerPosition.RIGHT_INDEX,
                synthetic(51, 0), 72))))
                .isInstanceOfSatisfying(FingerprintCaptureRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_RESOLUTION));
    }

    void assertRejected(byte[] image, RejectionReason reason) {
        List<FingerprintCapture> captures = List.of(FingerprintCapture.of(FingerPosition.RIGHT_INDEX, synthetic(51, 0)),
                FingerprintCapture.of(FingerPosition.LEFT_INDEX, image));
        assertThatThrownBy(() -> enrol("Rejected", captures))
                .isInstanceOfSatisfying(FingerprintCaptureRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.captureIndex()).isEqualTo(1);
                    assertThat(e.position()).isEqualTo(FingerPosition.LEFT_INDEX);
                    assertThat(e.getMessage()).startsWith(reason.officerMessage());
                });
    }

    @Test
    void verificationMatchesTheEnrolledPersonAndIsRateLimitedPerPerson() {
        BiometricEnrolmentResult g = enrol("Gacal", syntheticPair(61, 0));
        RequestContext verifier = f.context("verifier", Role.PROTECTION_OFFICER, "REG.VERIFY");

        BiometricVerification same = bio.verify(verifier, g.id(), syntheticPair(61, 1));
        assertThat(same.match()).isTrue();
        assertThat(same.score()).isGreaterThanOrEqualTo(same.threshold());
        assertThat(same.threshold()).isEqualTo(50.0);
        assertThat(same.fingers()).hasSize(2);
        assertThat(f.lastAudit()).containsEntry("action", "BIOMETRIC_VERIFY").containsEntry("purpose", "REG.VERIFY")
                .containsEntry("outcome", "SUCCESS");

        BiometricVerification other = bio.verify(verifier, g.id(),
                List.of(FingerprintCapture.of(FingerPosition.RIGHT_INDEX, synthetic(63, 0))));
        assertThat(other.match()).isFalse();
        assertThat(other.threshold()).as("one finger is held to the same false-match rate per person")
                .isLessThan(50.0).isGreaterThan(35.0);

        bio.verify(verifier, g.id(), syntheticPair(61, 2));
        assertThatThrownBy(() -> bio.verify(verifier, g.id(), syntheticPair(61, 1)))
                .isInstanceOfSatisfying(VerificationRateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
        assertThat(f.lastAudit()).containsEntry("action", "BIOMETRIC_VERIFY").containsEntry("outcome", "FAILED");
        // the limit is per person
        BiometricEnrolmentResult h = enrol("Hodan", syntheticPair(65, 0));
        assertThat(bio.verify(verifier, h.id(), syntheticPair(65, 1)).match()).isTrue();
        // verification needs a purpose covering it
        assertThatThrownBy(() -> bio.verify(f.registrar(), h.id(), syntheticPair(65, 1)))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE));
        assertThatThrownBy(() -> bio.verify(verifier, SubjectId.random(), syntheticPair(65, 1)))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void identificationReturnsRankedIdsForPurposesThatAllowIt() {
        BiometricEnrolmentResult k = enrol("Khadra", syntheticPair(71, 0));
        long before = f.auditCount();
        IdentificationResult found = bio.identify(f.protection(), syntheticPair(71, 1));
        assertThat(found.candidates()).extracting(MatchCandidate::subject).containsExactly(k.id());
        assertThat(found.threshold()).isEqualTo(70.0);
        assertThat(f.auditAfter(before)).containsExactly("BIOMETRIC_IDENTIFY/SUCCESS");

        before = f.auditCount();
        assertThat(bio.identify(f.protection(), syntheticPair(73, 0)).candidates()).isEmpty();
        assertThat(f.auditAfter(before)).containsExactly("BIOMETRIC_IDENTIFY/NOT_FOUND");

        assertThatThrownBy(() -> bio.identify(f.context("cash", Role.REGISTRATION_OFFICER, "ASSIST.CASH"),
                syntheticPair(71, 1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bio.identify(f.context("stats", Role.STATISTICIAN, "STATS.OPS"),
                syntheticPair(71, 1))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anIdempotentRetryReturnsTheFirstResult() {
        IdempotencyKey key = new IdempotencyKey("bio-retry-1");
        enrol("Ladan", syntheticPair(81, 0));
        BiometricEnrolmentResult first = bio.enrol(f.registrar(), TestConsents.standard(), person("Ladan-2", "P-L2"), syntheticPair(81, 1),
                Optional.of(key));
        BiometricEnrolmentResult retry = bio.enrol(f.registrar(), TestConsents.standard(), person("Ladan-2", "P-L2"), syntheticPair(81, 1),
                Optional.of(key));
        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.status()).isEqualTo(RegistrationStatus.PENDING_ADJUDICATION);
        assertThat(retry.adjudicationCase()).isEqualTo(first.adjudicationCase());
        assertThat(retry.candidates()).isEqualTo(first.candidates());
        // other images under the same key are another request
        assertThatThrownBy(() -> bio.enrol(f.registrar(), TestConsents.standard(), person("Ladan-2", "P-L2"), syntheticPair(81, 2),
                Optional.of(key))).isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    void pendingAndDuplicateRegistrationsCannotJoinAHousehold() {
        enrol("Maryan", syntheticPair(91, 0));
        BiometricEnrolmentResult pending = enrol("Maryan-2", syntheticPair(91, 1));
        var household = f.core.households().enrol(f.registrar(), TestConsents.standard(), new HouseholdEnrolment(person("Head", "P-HEAD"),
                List.of()), Optional.empty());
        assertThatThrownBy(() -> f.core.households().addMember(f.registrar(), household.household(), 1,
                pending.id(), Relationship.SPOUSE, "joins"))
                .isInstanceOf(HouseholdMembershipException.class);
    }

    long statisticsRows() {
        return f.jdbc.sql("SELECT count(*) FROM stat_projection").query(Long.class).single();
    }

    long activeCount() {
        return f.jdbc.sql("SELECT count(*) FROM individual WHERE status = 'ACTIVE'").query(Long.class).single();
    }

    static byte[] png(int width, int height, int gray) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, gray);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
