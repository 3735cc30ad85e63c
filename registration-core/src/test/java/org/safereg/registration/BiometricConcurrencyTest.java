package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.registration.testing.BiometricSamples.syntheticPair;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.registration.biometrics.BiometricEnrolmentResult;
import org.safereg.registration.biometrics.FingerprintCapture;
import org.safereg.registration.biometrics.MatchCandidate;
import org.safereg.registration.model.RegistrationStatus;

/**
 * Two enrolments of the same fingers started at the same moment from two threads: the search-then-insert step is
 * serialised, so exactly one ends ACTIVE and the other PENDING_ADJUDICATION naming it; never both ACTIVE.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BiometricConcurrencyTest {
    @TempDir
    static Path keys;
    CoreFixture f;
    ExecutorService threads;

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
        f.core.biometrics().loadGallery();
        threads = Executors.newFixedThreadPool(3);
    }

    @AfterAll
    void tearDown() {
        threads.shutdownNow();
        f.close();
    }

    @Test
    void simultaneousEnrolmentsOfTheSameFingersDoNotBothBecomeActive() throws Exception {
        for (long fingers : new long[] {201, 203, 205}) {
            CyclicBarrier start = new CyclicBarrier(3);
            Future<BiometricEnrolmentResult> first = threads.submit(() -> enrol(start, "First" + fingers,
                    syntheticPair(fingers, 0)));
            Future<BiometricEnrolmentResult> second = threads.submit(() -> enrol(start, "Second" + fingers,
                    syntheticPair(fingers, 1)));
            Future<BiometricEnrolmentResult> unrelated = threads.submit(() -> enrol(start, "Other" + fingers,
                    syntheticPair(fingers + 100, 0)));
            BiometricEnrolmentResult r1 = first.get(60, TimeUnit.SECONDS);
            BiometricEnrolmentResult r2 = second.get(60, TimeUnit.SECONDS);

            assertThat(List.of(r1.status(), r2.status())).as("round %d", fingers)
                    .containsExactlyInAnyOrder(RegistrationStatus.ACTIVE, RegistrationStatus.PENDING_ADJUDICATION);
            BiometricEnrolmentResult active = r1.status() == RegistrationStatus.ACTIVE ? r1 : r2;
            BiometricEnrolmentResult pending = active == r1 ? r2 : r1;
            assertThat(pending.candidates()).extracting(MatchCandidate::subject).containsExactly(active.id());
            assertThat(unrelated.get(60, TimeUnit.SECONDS).status()).isEqualTo(RegistrationStatus.ACTIVE);
        }
        assertThat(f.core.biometrics().galleryStatus().persons()).isEqualTo(9);
    }

    BiometricEnrolmentResult enrol(CyclicBarrier start, String given, List<FingerprintCapture> captures)
            throws Exception {
        start.await(30, TimeUnit.SECONDS);
        return f.core.biometrics().enrol(f.registrar(), TestConsents.standard(), CoreFixture.person(given, "Concurrent",
                LocalDate.of(2001, 5, 6), "PC-" + given, "+252 61 333 4444"), captures, Optional.empty());
    }
}
