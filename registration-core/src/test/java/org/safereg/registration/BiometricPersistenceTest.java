package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safereg.registration.testing.BiometricSamples.syntheticPair;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.SubjectId;
import org.safereg.matching.TemplateExtractor;
import org.safereg.privacy.PurposePolicy;
import org.safereg.registration.biometrics.BiometricEnrolmentResult;
import org.safereg.registration.biometrics.BiometricService;
import org.safereg.registration.biometrics.CaseStatus;
import org.safereg.registration.biometrics.FingerprintCapture;
import org.safereg.registration.biometrics.GalleryStatus;
import org.safereg.registration.biometrics.IdentificationResult;
import org.safereg.registration.biometrics.MatchCandidate;
import org.safereg.registration.biometrics.ReextractionProgress;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.RegistrationStatus;

/**
 * What the database holds and what a restart makes of it: ciphertexts only, the gallery reloaded with the same
 * search results, templates of an older SourceAFIS version rebuilt in memory at load and persisted by the
 * resumable re-extraction job, and erasure removing a person from the gallery and their captures at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BiometricPersistenceTest {
    @TempDir
    static Path keys;
    CoreFixture f;
    BiometricService bio;
    BiometricEnrolmentResult a;
    BiometricEnrolmentResult b;
    BiometricEnrolmentResult c;
    final List<List<FingerprintCapture>> enrolled = new ArrayList<>();

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
        bio = f.core.biometrics();
        bio.loadGallery();
        a = enrol("Asha", syntheticPair(101, 0));
        b = enrol("Asha-again", syntheticPair(101, 1));
        c = enrol("Barkhad", syntheticPair(103, 0));
        assertThat(a.status()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(b.status()).isEqualTo(RegistrationStatus.PENDING_ADJUDICATION);
        assertThat(c.status()).isEqualTo(RegistrationStatus.ACTIVE);
    }

    @AfterAll
    void closeFixture() {
        f.close();
    }

    BiometricEnrolmentResult enrol(String given, List<FingerprintCapture> captures) {
        enrolled.add(captures);
        IndividualDetails details = CoreFixture.person(given, "Persisted", LocalDate.of(1988, 1, 2), "PP-" + given,
                "+252 61 111 2222");
        return bio.enrol(f.registrar(), TestConsents.standard(), details, captures, Optional.empty());
    }

    /** A core as a restarted process creates it: same database, the key provider opened anew. */
    RegistrationCore restarted() {
        return RegistrationCore.create(f.dataSource, f.keys.reopen(), PurposePolicy.defaults(), Clock.systemUTC());
    }

    @Test
    @Order(1)
    void theDatabaseHoldsNoImageOrTemplateInPlaintext() throws Exception {
        TemplateExtractor extractor = new TemplateExtractor();
        List<byte[]> secrets = new ArrayList<>();
        for (List<FingerprintCapture> captures : enrolled) {
            for (FingerprintCapture capture : captures) {
                secrets.add(capture.image());
                secrets.add(extractor.extract(capture.image(), capture.position(), capture.dpi()).templateBytes());
            }
        }
        // control: the stored rows exist and have the expected shape
        assertThat(f.jdbc.sql("SELECT count(*) FROM fingerprint_capture").query(Long.class).single()).isEqualTo(6);
        List<byte[]> blobs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String table : f.jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_type = 'BASE TABLE'").query(String.class).list()) {
            f.jdbc.sql("SELECT t::text FROM " + table + " t").query(String.class).list().forEach(text::append);
            for (String column : f.jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_schema"
                    + " = 'public' AND table_name = ? AND data_type = 'bytea'").param(table).query(String.class).list()) {
                blobs.addAll(f.jdbc.sql("SELECT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL")
                        .query((rs, n) -> rs.getBytes(1)).list());
            }
        }
        String dump = text.toString().toLowerCase(Locale.ROOT);
        for (byte[] secret : secrets) {
            for (int offset : new int[] {0, secret.length / 4, secret.length / 2, secret.length - 24}) {
                byte[] window = Arrays.copyOfRange(secret, offset, offset + 24);
                assertThat(dump).doesNotContain(HexFormat.of().formatHex(window));
                for (byte[] blob : blobs) {
                    assertThat(indexOf(blob, window)).as("plaintext window in a stored blob").isEqualTo(-1);
                }
            }
        }
        // the PNG signature and SourceAFIS' template field names never appear either
        for (byte[] blob : blobs) {
            assertThat(indexOf(blob, new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEqualTo(-1);
            assertThat(indexOf(blob, "minutiae".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        }
        // candidate ids of the adjudication case are not stored in plaintext
        String caseRow = f.jdbc.sql("SELECT t::text FROM adjudication_case t").query(String.class).single();
        assertThat(caseRow).doesNotContain(a.id().toString())
                .doesNotContain(HexFormat.of().formatHex(uuidBytes(a.id().value())));
    }

    @Test
    @Order(2)
    void aRestartedCoreReloadsTheGalleryAndFindsTheSameCandidates() {
        IdentificationResult before = bio.identify(f.adjudicator(), syntheticPair(101, 2));
        assertThat(before.candidates()).extracting(MatchCandidate::subject).containsExactlyInAnyOrder(a.id(), b.id());

        try (RegistrationCore restarted = restarted()) {
            BiometricService reloaded = restarted.biometrics();
            assertThat(reloaded.galleryStatus().state()).isEqualTo(GalleryStatus.State.NOT_LOADED);
            assertThatThrownBy(() -> reloaded.identify(f.adjudicator(), syntheticPair(101, 2)))
                    .isInstanceOf(BiometricsNotReadyException.class);
            GalleryStatus status = reloaded.loadGallery();
            assertThat(status.state()).isEqualTo(GalleryStatus.State.READY);
            assertThat(status.persons()).isEqualTo(3);
            assertThat(status.fingers()).isEqualTo(6);
            assertThat(status.totalPersons()).isEqualTo(3);
            assertThat(status.failedPersons()).isZero();
            assertThat(status.staleTemplates()).isZero();
            assertThat(reloaded.identify(f.adjudicator(), syntheticPair(101, 2))).isEqualTo(before);
            assertThat(reloaded.identify(f.adjudicator(), syntheticPair(103, 1)))
                    .isEqualTo(bio.identify(f.adjudicator(), syntheticPair(103, 1)));
        }
    }

    @Test
    @Order(3)
    void templatesOfAnotherVersionAreRebuiltAtLoadAndPersistedByTheResumableJob() {
        IdentificationResult expected = bio.identify(f.adjudicator(), syntheticPair(101, 2));
        f.jdbc.sql("UPDATE fingerprint_capture SET sourceafis_version = '3.17.0'").update();
        List<byte[]> oldTemplates = templates();

        try (RegistrationCore restarted = restarted()) {
            BiometricService reloaded = restarted.biometrics();
            GalleryStatus status = reloaded.loadGallery();
            assertThat(status.staleTemplates()).isEqualTo(6);
            assertThat(status.persons()).isEqualTo(3);
            assertThat(reloaded.identify(f.adjudicator(), syntheticPair(101, 2)).candidates())
                    .extracting(MatchCandidate::subject).containsExactlyElementsOf(
                            expected.candidates().stream().map(MatchCandidate::subject).toList());

            assertThat(reloaded.staleTemplates(f.dpo("ADMIN.BIOMETRICS"))).isEqualTo(6);
            // interrupted after the first batch of two fingers ...
            List<ReextractionProgress> reports = new ArrayList<>();
            assertThatThrownBy(() -> reloaded.reextractAll(f.dpo("ADMIN.BIOMETRICS"), 2, p -> {
                reports.add(p);
                throw new IllegalStateException("operator pressed ctrl-c");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(reports).singleElement().satisfies(p -> {
                assertThat(p.reextracted()).isEqualTo(2);
                assertThat(p.remaining()).isEqualTo(4);
                assertThat(p.done()).isFalse();
            });
            // ... and resumed: only the rest is done
            long before = f.auditCount();
            ReextractionProgress done = reloaded.reextractAll(f.dpo("ADMIN.BIOMETRICS"), 2, p -> { });
            assertThat(done.reextracted()).isEqualTo(4);
            assertThat(done.failed()).isZero();
            assertThat(done.remaining()).isZero();
            assertThat(done.done()).isTrue();
            assertThat(done.sourceafisVersion()).isEqualTo(TemplateExtractor.sourceafisVersion());
            assertThat(f.auditAfter(before)).contains("BIOMETRIC_REEXTRACT/SUCCESS").doesNotContain("BIOMETRIC_REEXTRACT/FAILED");
            assertThat(reloaded.staleTemplates(f.dpo("ADMIN.BIOMETRICS"))).isZero();
            assertThat(f.jdbc.sql("SELECT DISTINCT sourceafis_version FROM fingerprint_capture").query(String.class).list())
                    .containsExactly(TemplateExtractor.sourceafisVersion());
            List<byte[]> newTemplates = templates();
            for (int i = 0; i < newTemplates.size(); i++) {
                assertThat(newTemplates.get(i)).isNotEqualTo(oldTemplates.get(i));
            }
            assertThat(reloaded.identify(f.adjudicator(), syntheticPair(101, 2)).candidates())
                    .extracting(MatchCandidate::subject).containsExactlyElementsOf(
                            expected.candidates().stream().map(MatchCandidate::subject).toList());
            // only the data protection officer's maintenance purpose runs it
            assertThatThrownBy(() -> reloaded.reextractAll(f.registrar(), 10, p -> { }))
                    .isInstanceOf(AccessDeniedException.class);
        }
        try (RegistrationCore again = restarted()) {
            assertThat(again.biometrics().loadGallery().staleTemplates()).isZero();
        }
    }

    @Test
    @Order(4)
    void erasureRemovesThePersonFromTheGalleryAndDeletesTheirCaptures() {
        assertThat(bio.identify(f.adjudicator(), syntheticPair(103, 1)).candidates())
                .extracting(MatchCandidate::subject).containsExactly(c.id());
        f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), c.id());
        assertThat(bio.identify(f.adjudicator(), syntheticPair(103, 1)).candidates()).isEmpty();
        assertThat(bio.galleryStatus().persons()).isEqualTo(2);
        assertThat(captureCount(c.id())).isZero();

        // erasing the pending registration withdraws its case
        var caseId = b.adjudicationCase().orElseThrow();
        f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), b.id());
        assertThat(captureCount(b.id())).isZero();
        assertThat(f.jdbc.sql("SELECT status FROM adjudication_case WHERE id = ?").param(caseId.value())
                .query(String.class).single()).isEqualTo(CaseStatus.WITHDRAWN.name());
        assertThat(bio.adjudicationQueue(f.adjudicator(), new PageRequest(0, 10)).items()).isEmpty();
        assertThatThrownBy(() -> bio.adjudicationCase(f.adjudicator(), caseId))
                .isInstanceOf(SubjectErasedException.class);
        assertThat(bio.identify(f.adjudicator(), syntheticPair(101, 2)).candidates())
                .extracting(MatchCandidate::subject).containsExactly(a.id());
        // and a restart does not bring them back
        try (RegistrationCore restarted = restarted()) {
            assertThat(restarted.biometrics().loadGallery().persons()).isEqualTo(1);
        }
    }

    @Test
    @Order(5)
    void aTamperedTemplateIsReportedAndItsPersonIsNotLoaded() {
        f.jdbc.sql("UPDATE fingerprint_capture SET template = set_byte(template, 20, get_byte(template, 20) # 1)"
                + " WHERE subject_id = ? AND finger_index = 1").param(a.id().value()).update();
        try (RegistrationCore restarted = restarted()) {
            GalleryStatus status = restarted.biometrics().loadGallery();
            assertThat(status.state()).isEqualTo(GalleryStatus.State.READY);
            assertThat(status.failedPersons()).isEqualTo(1);
            assertThat(status.persons()).isZero();
        }
    }

    long captureCount(SubjectId id) {
        return f.jdbc.sql("SELECT count(*) FROM fingerprint_capture WHERE subject_id = ?").param(id.value())
                .query(Long.class).single();
    }

    List<byte[]> templates() {
        return f.jdbc.sql("SELECT template FROM fingerprint_capture ORDER BY subject_id, finger_index")
                .query((rs, n) -> rs.getBytes(1)).list();
    }

    static byte[] uuidBytes(UUID id) {
        return java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
