package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.registration.testing.BiometricSamples.devSetPair;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.privacy.Role;
import org.safereg.registration.biometrics.AdjudicationDecision;
import org.safereg.registration.biometrics.BiometricEnrolmentResult;
import org.safereg.registration.biometrics.BiometricService;
import org.safereg.registration.biometrics.FingerprintCapture;
import org.safereg.registration.biometrics.MatchCandidate;
import org.safereg.registration.model.RegistrationStatus;

/**
 * The deduplication workflow on real prints (FVC2002 DB1_B, 500 dpi optical captures): reported as skipped when
 * ../shared/fingerprints is absent. Person A = fingers 101 and 102 (impression 1); "person B" = impression 2 of
 * the same fingers; C = fingers 103 and 104.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BiometricDevSetTest {
    @TempDir
    static Path keys;
    CoreFixture f;
    BiometricService bio;

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
        bio = f.core.biometrics();
        bio.loadGallery();
    }

    @AfterAll
    void closeFixture() {
        f.close();
    }

    BiometricEnrolmentResult enrol(String given, List<FingerprintCapture> captures) {
        return bio.enrol(f.registrar(), TestConsents.standard(), CoreFixture.person(given, "Real", LocalDate.of(1979, 9, 9), "PR-" + given,
                "+252 61 555 6666"), captures, Optional.empty());
    }

    @Test
    void dedupWorkflowOnRealPrints() {
        List<FingerprintCapture> a1 = devSetPair(101, 102, 1);
        List<FingerprintCapture> a2 = devSetPair(101, 102, 2);
        List<FingerprintCapture> c1 = devSetPair(103, 104, 1);

        BiometricEnrolmentResult a = enrol("A", a1);
        assertThat(a.status()).isEqualTo(RegistrationStatus.ACTIVE);
        BiometricEnrolmentResult b = enrol("B", a2);
        assertThat(b.status()).isEqualTo(RegistrationStatus.PENDING_ADJUDICATION);
        assertThat(b.candidates()).extracting(MatchCandidate::subject).containsExactly(a.id());

        bio.decide(f.adjudicator(), b.adjudicationCase().orElseThrow(), AdjudicationDecision.DUPLICATE,
                Optional.of(a.id()), "same person re-registering");
        assertThat(bio.registrationState(f.registrar(), b.id()).status()).isEqualTo(RegistrationStatus.DUPLICATE);
        assertThat(bio.galleryStatus().persons()).isEqualTo(1);

        BiometricEnrolmentResult c = enrol("C", c1);
        assertThat(c.status()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(c.candidates()).isEmpty();

        var verifier = f.context("verifier", Role.PROTECTION_OFFICER, "REG.VERIFY");
        assertThat(bio.verify(verifier, a.id(), devSetPair(101, 102, 3)).match()).isTrue();
        assertThat(bio.verify(verifier, c.id(), devSetPair(101, 102, 3)).match()).isFalse();
    }
}
