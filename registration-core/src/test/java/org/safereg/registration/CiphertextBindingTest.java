package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

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
 * as FAILED) and never returns the other person's data. Record binding inside the payload: a ciphertext copied
 * from an older version (or an earlier household membership) into the current row fails too.
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
        return f.core.individuals().enrol(f.registrar(), TestConsents.standard(),
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

    @Test
    void anOlderVersionsCiphertextCopiedIntoTheCurrentVersionFailsToDecrypt() {
        SubjectId henry = enrol("Henry");
        var details = f.core.individuals().read(f.registrar(), henry).details();
        var corrected = new org.safereg.registration.model.IndividualDetails(details.registrationMethod(),
                org.safereg.registration.model.Names.of("Henry", "Corrected"), details.sex(), details.birth(),
                details.nationalities(), details.documents(), details.populationCategory(), details.location(),
                java.util.Set.of(org.safereg.registration.model.SpecificNeed.DISABILITY), details.contact());
        f.core.individuals().update(f.protection(), henry, 1, corrected, "family name corrected");
        // the attacker rolls the specific needs of the current version back to version 1's ciphertext
        f.jdbc.sql("""
                        UPDATE individual_version cur SET specific_needs = old.specific_needs
                        FROM individual_version old
                        WHERE cur.individual_id = ? AND cur.version = 2 AND old.individual_id = cur.individual_id
                          AND old.version = 1""")
                .param(henry.value()).update();
        long before = f.auditCount();

        assertThatThrownBy(() -> f.core.individuals().read(f.registrar(), henry))
                .isInstanceOf(RecordIntegrityException.class)
                .hasCauseInstanceOf(DecryptionFailedException.class);
        assertThat(f.auditAfter(before)).containsExactly("READ/FAILED");
    }

    @Test
    void aChangeReasonCopiedFromAnotherVersionFailsToDecrypt() {
        SubjectId iris = enrol("Iris");
        var details = f.core.individuals().read(f.registrar(), iris).details();
        f.core.individuals().update(f.protection(), iris, 1, details, "first reason");
        f.core.individuals().update(f.protection(), iris, 2, details, "second reason");
        f.jdbc.sql("""
                        UPDATE individual_version cur SET change_reason = old.change_reason
                        FROM individual_version old
                        WHERE cur.individual_id = ? AND cur.version = 3 AND old.individual_id = cur.individual_id
                          AND old.version = 2""")
                .param(iris.value()).update();
        assertThatThrownBy(() -> f.core.individuals().history(f.protection(), iris))
                .isInstanceOf(RecordIntegrityException.class);
    }

    @Test
    void aRelationshipCopiedFromAnEarlierMembershipFailsToDecrypt() {
        var household = f.core.households().enrol(f.registrar(), TestConsents.standard(), new org.safereg.registration.model.HouseholdEnrolment(
                CoreFixture.rapid("Jamal", CoreFixture.DISTRICT),
                java.util.List.of(new org.safereg.registration.model.NewHouseholdMember(
                        CoreFixture.rapid("Kadra", CoreFixture.DISTRICT),
                        org.safereg.registration.model.Relationship.NON_RELATIVE))),
                Optional.empty());
        SubjectId kadra = household.members().get(0);
        f.core.households().removeMember(f.protection(), household.household(), 1, kadra, "moved out");
        f.core.households().addMember(f.protection(), household.household(), 2, kadra,
                org.safereg.registration.model.Relationship.SPOUSE, "married the head");
        // the attacker restores the earlier membership's relationship ciphertext into the current membership
        f.jdbc.sql("""
                        UPDATE household_member cur SET relationship = old.relationship
                        FROM household_member old
                        WHERE cur.individual_id = ? AND cur.left_version IS NULL
                          AND old.individual_id = cur.individual_id AND old.left_version IS NOT NULL""")
                .param(kadra.value()).update();
        assertThatThrownBy(() -> f.core.households().read(f.registrar(), household.household()))
                .isInstanceOf(RecordIntegrityException.class);
    }
}
