package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.DataCategory;
import org.safereg.keys.SubjectId;
import org.safereg.keys.SubjectKeysDestroyedException;
import org.safereg.registration.model.DocumentQuery;
import org.safereg.registration.model.ErasureResult;
import org.safereg.registration.model.HouseholdEnrolment;
import org.safereg.registration.model.HouseholdEnrolmentResult;
import org.safereg.registration.model.HouseholdMember;
import org.safereg.registration.model.IdempotencyKey;
import org.safereg.registration.model.Individual;
import org.safereg.registration.model.NewHouseholdMember;
import org.safereg.registration.model.Relationship;

/** Crypto-shredding: after erasure no path yields the subject's data, and the wrapped keys are gone. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureTest {
    static final LocalDate DOB = LocalDate.of(1975, 12, 24);
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

    private long count(String sql, SubjectId id) {
        return f.jdbc.sql(sql).param(id.value()).query(Long.class).single();
    }

    @Test
    void afterErasureEveryReadPathAnswersErasedOrNothing() {
        SubjectId keep = f.core.individuals().enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Keep", "Shredtest", DOB, "KEEP-1", "+252 61 555 0500"), Optional.empty()).id();
        SubjectId gone = f.core.individuals().enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Gone", "Shredtest", DOB, "GONE-1", "+252 61 555 0501"),
                Optional.of(new IdempotencyKey("erase-me"))).id();
        f.core.individuals().update(f.registrar(), gone, 1,
                CoreFixture.person("Gone", "Shredtest", DOB, "GONE-1", "+252 61 555 0502"), "new phone");
        long statsBefore = f.jdbc.sql("SELECT count(*) FROM stat_projection").query(Long.class).single();
        long before = f.auditCount();

        ErasureResult erased = f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), gone);

        assertThat(erased.keysDestroyed()).isEqualTo(1);
        assertThat(erased.alreadyErased()).isFalse();
        assertThatThrownBy(() -> f.core.individuals().read(f.registrar(), gone)).isInstanceOf(SubjectErasedException.class);
        assertThatThrownBy(() -> f.core.individuals().history(f.protection(), gone)).isInstanceOf(SubjectErasedException.class);
        assertThatThrownBy(() -> f.core.individuals().update(f.registrar(), gone, 2,
                CoreFixture.person("Gone", "Again", DOB, "GONE-2", "+252 61 555 0503"), "revive"))
                .isInstanceOf(SubjectErasedException.class);
        assertThat(f.core.individuals().searchByDocument(f.registrar(), DocumentQuery.number("GONE-1"))).isEmpty();
        assertThat(f.core.individuals().searchByNameAndBirthDate(f.registrar(), "Gone Shredtest", DOB)).isEmpty();
        List<Individual> sameName = f.core.individuals().searchByNameAndBirthDate(f.registrar(), "Keep Shredtest", DOB);
        assertThat(sameName).extracting(Individual::id).containsExactly(keep);
        assertThat(f.core.individuals().listByLocation(f.registrar(), CoreFixture.COUNTRY, new PageRequest(0, 500)).items())
                .extracting(Individual::id).contains(keep).doesNotContain(gone);

        assertThat(count("SELECT count(*) FROM subject_key WHERE subject_id = ?", gone)).isZero();
        assertThat(count("SELECT count(*) FROM individual_blind_index WHERE individual_id = ?", gone)).isZero();
        assertThat(count("SELECT count(*) FROM idempotency WHERE result_id = ?", gone)).isZero();
        assertThat(f.jdbc.sql("SELECT count(*) FROM stat_projection").query(Long.class).single()).isEqualTo(statsBefore - 1);
        assertThat(f.jdbc.sql("SELECT status FROM individual WHERE id = ?").param(gone.value()).query(String.class).single())
                .isEqualTo("ERASED");
        // the ciphertexts remain, but no key can open them any more
        assertThat(count("SELECT count(*) FROM individual_version WHERE individual_id = ?", gone)).isEqualTo(2);
        assertThatThrownBy(() -> f.core.keyring().open(gone, DataCategory.DEMOGRAPHIC))
                .isInstanceOf(SubjectKeysDestroyedException.class);

        assertThat(f.auditAfter(before)).startsWith("ERASE/SUCCESS", "READ/NOT_FOUND", "READ_HISTORY/NOT_FOUND",
                "UPDATE/NOT_FOUND", "SEARCH/NOT_FOUND", "SEARCH/NOT_FOUND");
        assertThat(f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), gone).alreadyErased()).isTrue();
        assertThat(f.core.individuals().read(f.registrar(), keep).details().names().givenName()).contains("Keep");
    }

    @Test
    void erasingAHouseholdMemberEndsTheMembership() {
        HouseholdEnrolmentResult family = f.core.households().enrol(f.registrar(), TestConsents.standard(), new HouseholdEnrolment(
                CoreFixture.rapid("Erase head", CoreFixture.DISTRICT),
                List.of(new NewHouseholdMember(CoreFixture.rapid("Erase child", CoreFixture.DISTRICT), Relationship.CHILD))),
                Optional.of(new IdempotencyKey("erase-household")));
        SubjectId child = family.members().get(0);

        f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), child);

        var household = f.core.households().read(f.registrar(), family.household());
        assertThat(household.members()).containsExactly(new HouseholdMember(family.head(), Relationship.HEAD));
        assertThat(household.version()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM idempotency WHERE result_id = ?", new SubjectId(family.household().value()))).isZero();
        assertThat(f.jdbc.sql("SELECT household_size FROM stat_projection").query(Integer.class).list()).doesNotContain(2);
    }

    @Test
    void erasingAnUnknownIndividualIsNotFound() {
        assertThatThrownBy(() -> f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), SubjectId.random()))
                .isInstanceOf(RecordNotFoundException.class);
    }
}
