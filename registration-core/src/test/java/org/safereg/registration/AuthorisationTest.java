package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.KekVersion;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.Actor;
import org.safereg.privacy.DenialReason;
import org.safereg.privacy.Role;
import org.safereg.registration.model.DocumentQuery;
import org.safereg.registration.model.HouseholdEnrolment;
import org.safereg.registration.model.HouseholdEnrolmentResult;
import org.safereg.registration.model.NewHouseholdMember;
import org.safereg.registration.model.Relationship;

/**
 * Policy enforcement at service level: every public method asks the policy decision point; a denial is audited
 * (DENIED, persisted) and nothing is read or written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationTest {
    @TempDir
    static Path keys;
    CoreFixture f;
    SubjectId person;
    HouseholdEnrolmentResult household;

    @AfterAll
    void closeFixture() {
        f.close();
    }

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
        person = f.core.individuals().enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Policy", "Subject", LocalDate.of(1970, 1, 1), "POL-1", "+252 61 555 0300"),
                Optional.empty()).id();
        household = f.core.households().enrol(f.registrar(), TestConsents.standard(), new HouseholdEnrolment(
                CoreFixture.rapid("Policy head", CoreFixture.DISTRICT),
                List.of(new NewHouseholdMember(CoreFixture.rapid("Policy child", CoreFixture.DISTRICT), Relationship.CHILD))),
                Optional.empty());
    }

    /** Every service call under test, run with the given context. */
    private Map<String, Consumer<RequestContext>> calls() {
        return Map.ofEntries(
                Map.entry("enrol", c -> f.core.individuals().enrol(c, TestConsents.standard(), CoreFixture.rapid("Denied", CoreFixture.DISTRICT), Optional.empty())),
                Map.entry("read", c -> f.core.individuals().read(c, person)),
                Map.entry("update", c -> f.core.individuals().update(c, person, 1, CoreFixture.rapid("Denied", CoreFixture.DISTRICT), "no")),
                Map.entry("history", c -> f.core.individuals().history(c, person)),
                Map.entry("searchByDocument", c -> f.core.individuals().searchByDocument(c, DocumentQuery.number("POL1"))),
                Map.entry("searchByName", c -> f.core.individuals().searchByNameAndBirthDate(c, "Policy Subject", LocalDate.of(1970, 1, 1))),
                Map.entry("list", c -> f.core.individuals().listByLocation(c, CoreFixture.DISTRICT, new PageRequest(0, 10))),
                Map.entry("erase", c -> f.core.individuals().erase(c, person)),
                Map.entry("enrolHousehold", c -> f.core.households().enrol(c, TestConsents.standard(), new HouseholdEnrolment(
                        CoreFixture.rapid("Denied head", CoreFixture.DISTRICT), List.of()), Optional.empty())),
                Map.entry("readHousehold", c -> f.core.households().read(c, household.household())),
                Map.entry("addMember", c -> f.core.households().addMember(c, household.household(), 1, person, Relationship.SIBLING, "no")),
                Map.entry("removeMember", c -> f.core.households().removeMember(c, household.household(), 1, household.members().get(0), "no")),
                Map.entry("rotate", c -> f.core.keyManagement().rotate(c)),
                Map.entry("rewrap", c -> f.core.keyManagement().rewrapBatch(c, 10)),
                Map.entry("retire", c -> f.core.keyManagement().retire(c, new KekVersion(1))),
                Map.entry("keyStatus", c -> f.core.keyManagement().status(c)),
                Map.entry("verifyAudit", c -> f.core.audit().verify(c)),
                Map.entry("checkpoint", c -> f.core.audit().checkpoint(c)));
    }

    private String stateOfPersonalTables() {
        return f.jdbc.sql("""
                SELECT (SELECT count(*) FROM individual) || '/' || (SELECT count(*) FROM individual_version) || '/'
                    || (SELECT count(*) FROM household_version) || '/' || (SELECT count(*) FROM household_member) || '/'
                    || (SELECT count(*) FROM subject_key) || '/' || (SELECT string_agg(DISTINCT kek_version::text, ',') FROM subject_key) || '/'
                    || (SELECT status FROM individual WHERE id = ?) || '/' || (SELECT count(*) FROM audit_checkpoint)""")
                .param(person.value()).query(String.class).single();
    }

    private void assertDeniedEverywhere(RequestContext context, DenialReason reason, Set<String> except) {
        calls().forEach((name, call) -> {
            if (except.contains(name)) {
                return;
            }
            String state = stateOfPersonalTables();
            long before = f.auditCount();
            assertThatThrownBy(() -> call.accept(context)).as(name)
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
            assertThat(f.auditAfter(before)).as(name).hasSize(1).allMatch(a -> a.endsWith("/DENIED"));
            assertThat(stateOfPersonalTables()).as(name).isEqualTo(state);
        });
    }

    @Test
    void noPurposeIsDeniedForEveryCall() {
        RequestContext none = new RequestContext(new Actor("registrar", Set.of(Role.REGISTRATION_OFFICER)), Optional.empty(), "r-none");
        assertDeniedEverywhere(none, DenialReason.NO_PURPOSE, Set.of());
        assertThat(f.lastAudit()).containsEntry("purpose", "").containsEntry("role", "REGISTRATION_OFFICER");
    }

    @Test
    void prohibitedPurposeIsDeniedForEveryRole() {
        for (Role role : Role.values()) {
            assertDeniedEverywhere(f.context("someone", role, "LAW_ENFORCEMENT"), DenialReason.PROHIBITED_PURPOSE, Set.of());
        }
    }

    @Test
    void statisticianCannotTouchIndividualLevelData() {
        assertDeniedEverywhere(f.context("statistician", Role.STATISTICIAN, "STATS.OPS"),
                DenialReason.ACTION_NOT_COVERED_BY_PURPOSE, Set.of());
    }

    @Test
    void aPurposeOfAnotherRoleIsDenied() {
        assertDeniedEverywhere(f.context("registrar", Role.REGISTRATION_OFFICER, "PROT.CASE"),
                DenialReason.PURPOSE_NOT_ALLOWED_FOR_ROLE, Set.of());
    }

    @Test
    void registrationPurposeDoesNotCoverErasureHistoryKeysOrAudit() {
        assertDeniedEverywhere(f.registrar(), DenialReason.ACTION_NOT_COVERED_BY_PURPOSE,
                Set.of("enrol", "read", "update", "searchByDocument", "searchByName", "list", "enrolHousehold",
                        "readHousehold", "addMember", "removeMember"));
    }

    @Test
    void malformedPurposeIsRecordedAsInvalidNotVerbatim() {
        RequestContext smuggled = f.context("registrar", Role.REGISTRATION_OFFICER, "Amina Farah born 1990");
        assertThatThrownBy(() -> f.core.individuals().read(smuggled, person))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DenialReason.INVALID_PURPOSE));
        assertThat(f.lastAudit()).containsEntry("purpose", "<invalid>").containsEntry("outcome", "DENIED");
    }

    @Test
    void aPermittedCallRecordsThePermittingRoleAndPurpose() {
        RequestContext twoRoles = RequestContext.of(new Actor("multi", Set.of(Role.STATISTICIAN, Role.PROTECTION_OFFICER)),
                "PROT.CASE", "r-multi");
        f.core.individuals().read(twoRoles, person);
        Map<String, Object> row = f.lastAudit();
        assertThat(row).containsEntry("role", "PROTECTION_OFFICER").containsEntry("purpose", "PROT.CASE")
                .containsEntry("actor", "multi").containsEntry("request_id", "r-multi").containsEntry("action", "READ");
        assertThat((byte[]) row.get("subject_pseudonym")).hasSize(16);
    }
}
