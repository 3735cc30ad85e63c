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
import org.safereg.keys.SubjectId;
import org.safereg.registration.households.HouseholdService;
import org.safereg.registration.model.Household;
import org.safereg.registration.model.HouseholdEnrolment;
import org.safereg.registration.model.HouseholdEnrolmentResult;
import org.safereg.registration.model.HouseholdMember;
import org.safereg.registration.model.HouseholdStatus;
import org.safereg.registration.model.NewHouseholdMember;
import org.safereg.registration.model.Relationship;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdServiceTest {
    @TempDir
    static Path keys;
    CoreFixture f;
    HouseholdService households;

    @AfterAll
    void closeFixture() {
        f.close();
    }

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
        households = f.core.households();
    }

    private HouseholdEnrolmentResult enrolFamily(String family) {
        return households.enrol(f.registrar(), TestConsents.standard(), new HouseholdEnrolment(
                CoreFixture.person("Head", family, LocalDate.of(1980, 1, 1), family + "H1", "+252 61 000 0001"),
                List.of(new NewHouseholdMember(CoreFixture.rapid("Spouse " + family, CoreFixture.DISTRICT), Relationship.SPOUSE),
                        new NewHouseholdMember(CoreFixture.rapid("Child " + family, CoreFixture.DISTRICT), Relationship.CHILD))),
                Optional.empty());
    }

    @Test
    void enrolsHeadAndMembersInOneTransactionWithRelationships() {
        long before = f.auditCount();
        HouseholdEnrolmentResult result = enrolFamily("Abdi");
        Household household = households.read(f.registrar(), result.household());

        assertThat(household.status()).isEqualTo(HouseholdStatus.ACTIVE);
        assertThat(household.version()).isEqualTo(1);
        assertThat(household.members()).containsExactly(
                new HouseholdMember(result.head(), Relationship.HEAD),
                new HouseholdMember(result.members().get(0), Relationship.SPOUSE),
                new HouseholdMember(result.members().get(1), Relationship.CHILD));
        assertThat(f.core.individuals().read(f.registrar(), result.members().get(1)).household()).contains(result.household());
        assertThat(f.auditAfter(before)).containsExactly("ENROL/SUCCESS", "ENROL/SUCCESS", "ENROL/SUCCESS",
                "READ/SUCCESS", "READ/SUCCESS", "READ/SUCCESS", "READ/SUCCESS");
        assertThat(f.jdbc.sql("SELECT household_size FROM stat_projection").query(Integer.class).list()).contains(3);
    }

    @Test
    void membersConsentIsRecordedAsGivenOnTheirBehalfWithTheirOwnDateOfMajority() {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        LocalDate childBorn = today.minusYears(9).withDayOfMonth(1);
        var estimated = org.safereg.registration.model.IndividualDetails.builder(
                        org.safereg.registration.model.RegistrationMethod.RAPID_EMERGENCY,
                        org.safereg.registration.model.Names.of("Guessed", null))
                .birth(new org.safereg.registration.model.Birth(Optional.empty(), Optional.of(12), Optional.empty()))
                .populationCategory(org.safereg.registration.model.PopulationCategory.REFUGEE)
                .location(org.safereg.registration.model.LocationRef.of(CoreFixture.DISTRICT)).build();
        HouseholdEnrolmentResult result = households.enrol(f.registrar(), TestConsents.standard(), new HouseholdEnrolment(
                CoreFixture.person("Head", "Proxy", LocalDate.of(1980, 1, 1), "PROXYH1", "+252 61 000 0002"),
                List.of(new NewHouseholdMember(CoreFixture.rapid("Spouse Proxy", CoreFixture.DISTRICT), Relationship.SPOUSE),
                        new NewHouseholdMember(CoreFixture.person("Child", "Proxy", childBorn, "PROXYC1",
                                "+252 61 000 0003"), Relationship.CHILD),
                        new NewHouseholdMember(estimated, Relationship.GRANDCHILD))),
                Optional.empty());

        var head = onlyRecord(result.head());
        var spouse = onlyRecord(result.members().get(0));
        var child = onlyRecord(result.members().get(1));
        var guessed = onlyRecord(result.members().get(2));

        assertThat(head.givenBy()).isEqualTo(org.safereg.privacy.consent.ConsentGiver.SELF);
        assertThat(head.proxyReference()).isEmpty();
        assertThat(spouse.givenBy()).isEqualTo(org.safereg.privacy.consent.ConsentGiver.OTHER_PROXY);
        assertThat(spouse.proxyReference()).contains(result.head().value().toString());
        assertThat(spouse.reconsentAtMajority()).isEmpty();
        assertThat(child.givenBy()).isEqualTo(org.safereg.privacy.consent.ConsentGiver.PARENT_OR_GUARDIAN);
        assertThat(child.proxyReference()).contains(result.head().value().toString());
        assertThat(child.childAssent()).isEmpty();
        assertThat(child.reconsentAtMajority()).contains(childBorn.plusYears(18));
        assertThat(guessed.givenBy()).isEqualTo(org.safereg.privacy.consent.ConsentGiver.PARENT_OR_GUARDIAN);
        assertThat(guessed.reconsentAtMajority()).contains(today.plusYears(6));
        assertThat(List.of(spouse, child, guessed)).allSatisfy(d -> {
            assertThat(d.purposes()).isEqualTo(TestConsents.standard().purposes());
            assertThat(d.notice()).isEqualTo(TestConsents.standard().notice());
        });
    }

    private org.safereg.privacy.consent.ConsentDeclaration onlyRecord(SubjectId subject) {
        var records = f.core.consents().history(f.registrar(), subject).records();
        assertThat(records).hasSize(1);
        return records.get(0).declaration();
    }

    @Test
    void anInvalidMemberRollsBackTheWholeHousehold() {
        long individualsBefore = f.jdbc.sql("SELECT count(*) FROM individual").query(Long.class).single();
        HouseholdEnrolment bad = new HouseholdEnrolment(CoreFixture.rapid("Good head", CoreFixture.DISTRICT),
                List.of(new NewHouseholdMember(CoreFixture.rapid("Elsewhere", "SO9999"), Relationship.SIBLING)));

        assertThatThrownBy(() -> households.enrol(f.registrar(), TestConsents.standard(), bad, Optional.empty()))
                .isInstanceOfSatisfying(UnknownReferenceException.class,
                        e -> assertThat(e.field()).isEqualTo("members[0].details.location.adminPcode"));
        assertThat(f.jdbc.sql("SELECT count(*) FROM individual").query(Long.class).single()).isEqualTo(individualsBefore);
    }

    @Test
    void aSecondHeadIsAValidationError() {
        HouseholdEnrolment twoHeads = new HouseholdEnrolment(CoreFixture.rapid("Head one", CoreFixture.DISTRICT),
                List.of(new NewHouseholdMember(CoreFixture.rapid("Head two", CoreFixture.DISTRICT), Relationship.HEAD)));
        assertThatThrownBy(() -> households.enrol(f.registrar(), TestConsents.standard(), twoHeads, Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::path).containsExactly("members[0].relationshipToHead"));
    }

    @Test
    void addAndRemoveMembersCreateVersionsAndKeepOneActiveHouseholdPerPerson() {
        HouseholdEnrolmentResult first = enrolFamily("Warsame");
        HouseholdEnrolmentResult second = enrolFamily("Jama");
        SubjectId child = first.members().get(1);

        assertThatThrownBy(() -> households.addMember(f.protection(), second.household(), 1, child, Relationship.OTHER_RELATIVE, "moved in"))
                .isInstanceOf(HouseholdMembershipException.class);

        Household left = households.removeMember(f.protection(), first.household(), 1, child, "joined relatives");
        assertThat(left.version()).isEqualTo(2);
        assertThat(left.current().reason()).contains("joined relatives");
        assertThat(left.members()).extracting(HouseholdMember::individual).doesNotContain(child);

        Household joined = households.addMember(f.protection(), second.household(), 1, child, Relationship.OTHER_RELATIVE, "moved in");
        assertThat(joined.version()).isEqualTo(2);
        assertThat(joined.members()).contains(new HouseholdMember(child, Relationship.OTHER_RELATIVE));
        assertThat(joined.current().changedBy()).isEqualTo("protection");

        assertThatThrownBy(() -> households.addMember(f.protection(), second.household(), 1, first.head(), Relationship.SIBLING, "stale"))
                .isInstanceOf(VersionConflictException.class);
    }

    @Test
    void theHeadLeavesOnlyAsTheLastMemberWhichDissolvesTheHousehold() {
        HouseholdEnrolmentResult family = enrolFamily("Dahir");
        assertThatThrownBy(() -> households.removeMember(f.protection(), family.household(), 1, family.head(), "head leaves"))
                .isInstanceOf(HouseholdMembershipException.class);
        households.removeMember(f.protection(), family.household(), 1, family.members().get(0), "left");
        households.removeMember(f.protection(), family.household(), 2, family.members().get(1), "left");
        Household dissolved = households.removeMember(f.protection(), family.household(), 3, family.head(), "last one");

        assertThat(dissolved.status()).isEqualTo(HouseholdStatus.DISSOLVED);
        assertThat(dissolved.members()).isEmpty();
        assertThatThrownBy(() -> households.addMember(f.protection(), family.household(), 4, family.head(), Relationship.SPOUSE, "back"))
                .isInstanceOf(HouseholdMembershipException.class);
    }

    @Test
    void removingANonMemberIsAMembershipError() {
        HouseholdEnrolmentResult family = enrolFamily("Guled");
        SubjectId stranger = f.core.individuals().enrol(f.registrar(), TestConsents.standard(), CoreFixture.rapid("Stranger", CoreFixture.DISTRICT), Optional.empty()).id();
        assertThatThrownBy(() -> households.removeMember(f.protection(), family.household(), 1, stranger, "not here"))
                .isInstanceOf(HouseholdMembershipException.class);
    }

    @Test
    void theDatabaseRejectsASecondActiveMembershipEvenWithoutTheServiceCheck() {
        HouseholdEnrolmentResult a = enrolFamily("Mohamud");
        HouseholdEnrolmentResult b = enrolFamily("Ismail");
        assertThatThrownBy(() -> f.jdbc.sql("""
                        INSERT INTO household_member (household_id, individual_id, relationship, is_head, member_order, joined_version)
                        VALUES (?, ?, NULL, false, 9, 1)""")
                .params(b.household().value(), a.head().value()).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }
}
