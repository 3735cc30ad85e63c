package org.safereg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.DecryptionFailedException;
import org.safereg.keys.SubjectId;

/**
 * Associated-data binding: a ciphertext moved to another subject's row, or to another column, or a wrapped key
 * moved to another subject, fails authentication; the service answers {@link RecordIntegrityException} (audited
 * as FAILED) and never returns the other person's data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CiphertextBindingTest {
    @TempDir
    static Path keys;
    CoreFixture f;

    @AfterAll
    void closeFixture() {
        f.close();
    }

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
    }

    private SubjectId enrol(String given) {
        return f.core.individuals().enrol(f.registrar(),
                CoreFixture.person(given, "Binding", LocalDate.of(1988, 8, 8), given + "-DOC", "+252 61 555 0400"),
                Optional.empty()).id();
    }

    @Test
    void aNamesCiphertextCopiedToAnotherSubjectFailsToDecrypt() {
        SubjectId alice = enrol("Alice");
        SubjectId bob = enrol("Bob");
        f.jdbc.sql("UPDATE individual_version SET names = (SELECT names FROM individual_version WHERE individual_id = ?) WHERE individual_id = ?")
                .params(alice.value(), bob.value()).update();
        long before = f.auditCount();

        assertThatThrownBy(() -> f.core.individuals().read(f.registrar(), bob))
                .isInstanceOf(RecordIntegrityException.class)
                .hasCauseInstanceOf(DecryptionFailedException.class)
                .hasMessageNotContaining("Alice");
        assertThat(f.auditAfter(before)).containsExactly("READ/FAILED");
        assertThat(f.core.individuals().read(f.registrar(), alice).details().names().givenName()).contains("Alice");
    }

    @Test
    void aCiphertextMovedToAnotherColumnOfTheSameSubjectFailsToDecrypt() {
        SubjectId carol = enrol("Carol");
        f.jdbc.sql("UPDATE individual_version SET contact = names WHERE individual_id = ?").param(carol.value()).update();
        assertThatThrownBy(() -> f.core.individuals().history(f.protection(), carol))
                .isInstanceOf(RecordIntegrityException.class);
    }

    @Test
    void aWrappedKeyCopiedToAnotherSubjectFailsToUnwrap() {
        SubjectId dave = enrol("Dave");
        SubjectId erin = enrol("Erin");
        f.jdbc.sql("UPDATE subject_key SET wrapped = (SELECT wrapped FROM subject_key WHERE subject_id = ?) WHERE subject_id = ?")
                .params(dave.value(), erin.value()).update();
        assertThatThrownBy(() -> f.core.individuals().read(f.registrar(), erin))
                .isInstanceOf(RecordIntegrityException.class);
    }

    @Test
    void aTamperedSearchCandidateIsReportedNotSilentlyReturned() {
        SubjectId frank = enrol("Frank");
        SubjectId grace = enrol("Grace");
        f.jdbc.sql("UPDATE individual_version SET documents = (SELECT documents FROM individual_version WHERE individual_id = ?) WHERE individual_id = ?")
                .params(frank.value(), grace.value()).update();
        assertThatThrownBy(() -> f.core.individuals().searchByDocument(f.registrar(),
                org.safereg.registration.model.DocumentQuery.number("Grace-DOC")))
                .isInstanceOf(RecordIntegrityException.class);
    }
}
