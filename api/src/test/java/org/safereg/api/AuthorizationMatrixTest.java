package org.safereg.api;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.api.support.Samples;
import org.safereg.privacy.Action;
import org.safereg.privacy.Actor;
import org.safereg.privacy.Role;
import org.safereg.registration.RequestContext;
import org.safereg.registration.biometrics.BiometricEnrolmentResult;
import org.safereg.registration.model.Birth;
import org.safereg.registration.model.DocumentType;
import org.safereg.registration.model.HouseholdEnrolment;
import org.safereg.registration.model.HouseholdEnrolmentResult;
import org.safereg.registration.model.IdentityDocument;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.LocationRef;
import org.safereg.registration.model.Names;
import org.safereg.registration.model.NewHouseholdMember;
import org.safereg.registration.model.PopulationCategory;
import org.safereg.registration.model.RegistrationMethod;
import org.safereg.registration.model.Relationship;
import org.safereg.registration.model.Sex;
import org.safereg.registration.testing.BiometricSamples;

/**
 * Every endpoint x every role (and anonymous) x a set of declared purposes, over real HTTP. The expected
 * outcome comes from the documented defaults (docs/api.md), written out here independently of the code: route
 * rules first (401 anonymous, 403 forbidden for a role the route excludes: only the audit, key-management and
 * administration routes have such a rule, personal-data routes have none), then for personal-data routes the
 * purpose policy (no-purpose, prohibited-purpose, invalid-purpose, purpose-not-allowed, action-not-covered,
 * and action-not-allowed-for-role for the role-restricted biometric operations), else success. For routes
 * decided by the core the audit trail is checked by request id: exactly one DENIED row (actor, action,
 * purpose) for a policy denial, e.g. erasure by a REGISTRATION_OFFICER, only SUCCESS rows for a success, none
 * when refused before the core (401, or 403 forbidden on a DPO-only route).
 */
class AuthorizationMatrixTest extends ApiIntegrationTest {
    private static final String NONE = "";
    private static final List<String> PURPOSES = List.of(NONE, "REG.ENROL", "REG.DEDUP", "REG.VERIFY", "PROT.CASE",
            "STATS.OPS", "AUDIT", "SUBJECT_REQUEST", "ADMIN.KEYS", "ADMIN.BIOMETRICS", "LAW_ENFORCEMENT",
            "NOT.A_PURPOSE");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** The documented default role -> purposes table. */
    private static final Map<Role, Set<String>> ROLE_PURPOSES = Map.of(
            Role.REGISTRATION_OFFICER, Set.of("REG.ENROL", "REG.DEDUP", "REG.VERIFY", "ASSIST.CASH", "ASSIST.NFI",
                    "ASSIST.SHELTER"),
            Role.PROTECTION_OFFICER, Set.of("PROT.CASE", "PROT.FAMILY_TRACING", "SOLUTIONS.RESETTLEMENT", "REG.VERIFY"),
            Role.STATISTICIAN, Set.of("STATS.OPS", "STATS.PUBLIC", "STATS.RELEASE"),
            Role.DATA_PROTECTION_OFFICER, Set.of("AUDIT", "SUBJECT_REQUEST", "ADMIN.KEYS", "ADMIN.BIOMETRICS",
                    "ADMIN.RETENTION", "ADMIN.AGREEMENTS", "ADMIN.STATISTICS"),
            Role.ADMIN, Set.of(),
            Role.ADJUDICATOR, Set.of("REG.DEDUP"));

    /** The documented default purpose -> covered actions table (for the purposes used here). */
    private static final Map<String, Set<Action>> PURPOSE_ACTIONS = Map.of(
            "REG.ENROL", EnumSet.of(Action.ENROL, Action.HOUSEHOLD_CHANGE, Action.READ, Action.UPDATE, Action.SEARCH,
                    Action.LIST, Action.BIOMETRIC_ENROL, Action.ADJUDICATION_VIEW, Action.ADJUDICATION_DECIDE,
                    Action.CONSENT_READ, Action.CONSENT_RECORD, Action.CONSENT_WITHDRAW),
            "REG.DEDUP", EnumSet.of(Action.SEARCH, Action.READ, Action.BIOMETRIC_ENROL, Action.ADJUDICATION_VIEW,
                    Action.ADJUDICATION_DECIDE, Action.BIOMETRIC_IMAGE_VIEW, Action.BIOMETRIC_IDENTIFY),
            "REG.VERIFY", EnumSet.of(Action.READ, Action.SEARCH, Action.BIOMETRIC_VERIFY),
            "PROT.CASE", EnumSet.of(Action.READ, Action.SEARCH, Action.LIST, Action.UPDATE, Action.READ_HISTORY,
                    Action.HOUSEHOLD_CHANGE, Action.BIOMETRIC_IDENTIFY),
            "STATS.OPS", EnumSet.of(Action.STATS_RELEASE, Action.STATS_RELEASE_READ, Action.STATS_EXTRACT,
                    Action.STATS_BUDGET_READ),
            "AUDIT", EnumSet.of(Action.AUDIT_VERIFY, Action.READ_HISTORY),
            "SUBJECT_REQUEST", EnumSet.of(Action.READ, Action.READ_HISTORY, Action.UPDATE, Action.ERASE,
                    Action.SUBJECT_EXPORT, Action.CONSENT_READ, Action.CONSENT_RECORD, Action.CONSENT_WITHDRAW,
                    Action.RECONSENT_REVIEW),
            "ADMIN.KEYS", EnumSet.of(Action.KEY_MANAGEMENT),
            "ADMIN.BIOMETRICS", EnumSet.of(Action.BIOMETRIC_REEXTRACT));

    /** The documented role-restricted operations: only these roles may perform them, whatever the purpose. */
    private static final Map<Action, Set<Role>> ACTION_ROLES = Map.of(
            Action.BIOMETRIC_ENROL, Set.of(Role.REGISTRATION_OFFICER),
            Action.ADJUDICATION_VIEW, Set.of(Role.ADJUDICATOR),
            Action.ADJUDICATION_DECIDE, Set.of(Role.ADJUDICATOR),
            Action.BIOMETRIC_IMAGE_VIEW, Set.of(Role.ADJUDICATOR));

    /** An HTTP call built against fresh fixtures. */
    record Call(String method, String path, Object body) {
    }

    /**
     * @param action the core action of a personal-data route, null for routes without a purpose check
     * @param routeRoles roles the route admits, empty for any authenticated user
     * @param success status of a permitted call
     */
    record Endpoint(String name, Action action, Set<Role> routeRoles, int success, Function<AuthorizationMatrixTest, Call> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Set<Role> ANY = Set.of();
    static final Set<Role> DPO = Set.of(Role.DATA_PROTECTION_OFFICER);

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST /individuals", Action.ENROL, ANY, 201,
                        t -> new Call("POST", "/api/v1/individuals", Samples.enrolment(Samples.individual("Asha", "Mohamed", Samples.passport())))),
                new Endpoint("GET /individuals/{id}", Action.READ, ANY, 200,
                        t -> new Call("GET", "/api/v1/individuals/" + t.individual(), null)),
                new Endpoint("PUT /individuals/{id}", Action.UPDATE, ANY, 200,
                        t -> new Call("PUT", "/api/v1/individuals/" + t.individual(), Map.of("expectedVersion", 1,
                                "reason", "corrected spelling",
                                "details", Samples.individual("Asha", "Mohamed", Samples.passport())))),
                new Endpoint("GET /individuals/{id}/history", Action.READ_HISTORY, ANY, 200,
                        t -> new Call("GET", "/api/v1/individuals/" + t.individual() + "/history", null)),
                new Endpoint("POST /individuals/search", Action.SEARCH, ANY, 200,
                        t -> new Call("POST", "/api/v1/individuals/search", Map.of("documentNumber", t.searchablePassport))),
                new Endpoint("POST /individuals/search (name)", Action.SEARCH, ANY, 200,
                        t -> new Call("POST", "/api/v1/individuals/search",
                                Map.of("fullName", "Searchable Person", "dateOfBirth", "1985-03-03"))),
                new Endpoint("GET /locations/{pcode}/individuals", Action.LIST, ANY, 200,
                        t -> new Call("GET", "/api/v1/locations/ZZ/individuals?page=0&size=5", null)),
                new Endpoint("DELETE /individuals/{id}", Action.ERASE, ANY, 200,
                        t -> new Call("DELETE", "/api/v1/individuals/" + t.individual(), null)),
                new Endpoint("POST /households", Action.ENROL, ANY, 201,
                        t -> new Call("POST", "/api/v1/households", Map.of(
                                "head", Samples.individual("Head", "Family", Samples.passport()),
                                "members", List.of(Map.of("details", Samples.individual("Child", "Family", Samples.passport()),
                                        "relationshipToHead", "CHILD")), "consent", Samples.consent()))),
                new Endpoint("POST /individuals/{id}/consents", Action.CONSENT_RECORD, ANY, 201,
                        t -> new Call("POST", "/api/v1/individuals/" + t.individual() + "/consents", Samples.consent())),
                new Endpoint("POST /individuals/{id}/consents/withdrawals", Action.CONSENT_WITHDRAW, ANY, 201,
                        t -> new Call("POST", "/api/v1/individuals/" + t.individual() + "/consents/withdrawals",
                                Map.of("purpose", "ASSIST.NFI"))),
                new Endpoint("GET /individuals/{id}/consents", Action.CONSENT_READ, ANY, 200,
                        t -> new Call("GET", "/api/v1/individuals/" + t.individual() + "/consents", null)),
                new Endpoint("GET /consents/reconsent-due", Action.RECONSENT_REVIEW, ANY, 200,
                        t -> {
                            t.childDueForReconsent();
                            return new Call("GET", "/api/v1/consents/reconsent-due?dueBy=2040-01", null);
                        }),
                new Endpoint("GET /households/{id}", Action.READ, ANY, 200,
                        t -> new Call("GET", "/api/v1/households/" + t.household().household().value(), null)),
                new Endpoint("POST /households/{id}/members", Action.HOUSEHOLD_CHANGE, ANY, 200,
                        t -> new Call("POST", "/api/v1/households/" + t.household().household().value() + "/members",
                                Map.of("individual", t.individual(), "relationshipToHead", "SPOUSE",
                                        "expectedVersion", 1, "reason", "joined"))),
                new Endpoint("POST /households/{id}/member-removals", Action.HOUSEHOLD_CHANGE, ANY, 200,
                        t -> {
                            HouseholdEnrolmentResult h = t.household();
                            return new Call("POST", "/api/v1/households/" + h.household().value() + "/member-removals",
                                    Map.of("individual", h.members().get(0).value(), "expectedVersion", 1,
                                            "reason", "moved out"));
                        }),
                new Endpoint("GET /audit/verification", Action.AUDIT_VERIFY, DPO, 200,
                        t -> new Call("GET", "/api/v1/audit/verification", null)),
                new Endpoint("POST /audit/checkpoints", Action.AUDIT_VERIFY, DPO, 201,
                        t -> new Call("POST", "/api/v1/audit/checkpoints", null)),
                new Endpoint("GET /keys/status", Action.KEY_MANAGEMENT, DPO, 200,
                        t -> new Call("GET", "/api/v1/keys/status", null)),
                new Endpoint("POST /keys/rotations", Action.KEY_MANAGEMENT, DPO, 201,
                        t -> new Call("POST", "/api/v1/keys/rotations", null)),
                new Endpoint("POST /keys/rewrap", Action.KEY_MANAGEMENT, DPO, 200,
                        t -> new Call("POST", "/api/v1/keys/rewrap?batchSize=500", null)),
                new Endpoint("POST /keys/versions/{v}/retire (primary: refused)", Action.KEY_MANAGEMENT, DPO, 409,
                        t -> new Call("POST", "/api/v1/keys/versions/" + t.kek.primaryVersion().number() + "/retire", null)),
                new Endpoint("GET /admin/users", null, Set.of(Role.ADMIN), 200,
                        t -> new Call("GET", "/api/v1/admin/users", null)),
                new Endpoint("POST /admin/users", null, Set.of(Role.ADMIN), 201,
                        t -> new Call("POST", "/api/v1/admin/users",
                                Map.of("username", "matrix" + SEQUENCE.incrementAndGet(), "roles", List.of("STATISTICIAN")))),
                new Endpoint("POST /admin/users/{u}/disable", null, Set.of(Role.ADMIN), 204,
                        t -> new Call("POST", "/api/v1/admin/users/" + t.freshUser() + "/disable", null)),
                new Endpoint("POST /locations", null, Set.of(Role.ADMIN, Role.REGISTRATION_OFFICER), 201,
                        t -> new Call("POST", "/api/v1/locations", Map.of("pcode", "ZZ01M" + SEQUENCE.incrementAndGet(), "level", 2, "parentPcode", "ZZ01", "name", "District"))),
                new Endpoint("POST /sites", null, Set.of(Role.ADMIN, Role.REGISTRATION_OFFICER), 201,
                        t -> new Call("POST", "/api/v1/sites", Map.of("id", "ZZ-M" + SEQUENCE.incrementAndGet(),
                                "name", "Transit", "type", "TRANSIT_POINT", "adminPcode", "ZZ01"))),
                new Endpoint("GET /locations", null, ANY, 200, t -> new Call("GET", "/api/v1/locations?parent=ZZ", null)),
                new Endpoint("GET /locations/{pcode}", null, ANY, 200, t -> new Call("GET", "/api/v1/locations/ZZ01", null)),
                new Endpoint("GET /sites", null, ANY, 200, t -> new Call("GET", "/api/v1/sites", null)),
                new Endpoint("GET /sites/{id}", null, ANY, 200, t -> new Call("GET", "/api/v1/sites/ZZ-S1", null)),
                new Endpoint("GET /account", null, ANY, 200, t -> new Call("GET", "/api/v1/account", null)),
                new Endpoint("GET /actuator/metrics", null, Set.of(Role.ADMIN), 200,
                        t -> new Call("GET", "/actuator/metrics", null)),
                new Endpoint("POST /biometrics/enrolments", Action.BIOMETRIC_ENROL, ANY, 201,
                        t -> new Call("POST", "/api/v1/biometrics/enrolments",
                                Samples.biometricEnrolment("Matrix", BiometricSamples.syntheticPair(501, 1)))),
                new Endpoint("POST /biometrics/verifications", Action.BIOMETRIC_VERIFY, ANY, 200,
                        t -> new Call("POST", "/api/v1/biometrics/verifications", Map.of("subject",
                                t.biometricPerson(), "fingerprints",
                                Samples.fingerprints(BiometricSamples.syntheticPair(501, 2))))),
                new Endpoint("POST /biometrics/identifications", Action.BIOMETRIC_IDENTIFY, ANY, 200,
                        t -> {
                            t.biometricPerson();
                            return new Call("POST", "/api/v1/biometrics/identifications", Map.of("fingerprints",
                                    Samples.fingerprints(BiometricSamples.syntheticPair(501, 2))));
                        }),
                new Endpoint("GET /biometrics/registrations/{id}", Action.READ, ANY, 200,
                        t -> new Call("GET", "/api/v1/biometrics/registrations/" + t.biometricPerson(), null)),
                new Endpoint("GET /biometrics/adjudications", Action.ADJUDICATION_VIEW, ANY, 200,
                        t -> {
                            t.adjudicationCase();
                            return new Call("GET", "/api/v1/biometrics/adjudications?page=0&size=5", null);
                        }),
                new Endpoint("GET /biometrics/adjudications/{case}", Action.ADJUDICATION_VIEW, ANY, 200,
                        t -> new Call("GET", "/api/v1/biometrics/adjudications/" + t.adjudicationCase().caseId(), null)),
                new Endpoint("GET /biometrics/adjudications/{case}/subjects/{s}/fingers/{p}/image",
                        Action.BIOMETRIC_IMAGE_VIEW, ANY, 200,
                        t -> {
                            OpenCase open = t.adjudicationCase();
                            return new Call("GET", "/api/v1/biometrics/adjudications/" + open.caseId() + "/subjects/"
                                    + open.subject() + "/fingers/RIGHT_INDEX/image", null);
                        }),
                new Endpoint("POST /biometrics/adjudications/{case}/decision", Action.ADJUDICATION_DECIDE, ANY, 200,
                        t -> new Call("POST", "/api/v1/biometrics/adjudications/" + t.adjudicationCase().caseId()
                                + "/decision", Map.of("decision", "DISTINCT", "reason", "different person"))),
                new Endpoint("POST /biometrics/reextraction", Action.BIOMETRIC_REEXTRACT, ANY, 202,
                        t -> new Call("POST", "/api/v1/biometrics/reextraction?batchSize=10", null)),
                new Endpoint("GET /biometrics/reextraction", Action.BIOMETRIC_REEXTRACT, ANY, 200,
                        t -> new Call("GET", "/api/v1/biometrics/reextraction", null)));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            cases.add(Arguments.of(e, null, NONE));
            for (Role role : Role.values()) {
                for (String purpose : e.action() == null ? List.of(NONE) : PURPOSES) {
                    cases.add(Arguments.of(e, role, purpose));
                }
            }
        }
        return cases.stream();
    }

    private static String searchablePassport;
    private static String sharedIndividual;
    private static HouseholdEnrolmentResult sharedHousehold;
    private static String sharedBiometricPerson;
    private static OpenCase sharedCase;
    private static String sharedChild;
    /** Whether the call under test will change its fixtures (then they are created fresh for it). */
    private boolean fresh;

    @ParameterizedTest(name = "{0} as {1} for [{2}]")
    @MethodSource("cases")
    void endpointRolePurpose(Endpoint endpoint, Role role, String purpose) {
        if (searchablePassport == null) {
            searchablePassport = "SRCH" + SEQUENCE.incrementAndGet();
            enrolFixture("Searchable", "Person", searchablePassport);
            sharedIndividual = enrolFixture("Fixture", "Person", Samples.passport());
            sharedHousehold = newHousehold();
        }
        String expected = expected(endpoint, role, purpose);
        fresh = expected.equals("success");
        Call call = endpoint.call().apply(this);
        String requestId = "matrix-" + SEQUENCE.incrementAndGet();
        ApiClient client = (role == null ? api() : as(role)).header("X-Request-Id", requestId);
        if (!purpose.isEmpty()) {
            client = client.purpose(purpose);
        }
        ApiClient.Response r = switch (call.method()) {
            case "GET" -> client.get(call.path());
            case "DELETE" -> client.delete(call.path());
            case "PUT" -> client.put(call.path(), call.body());
            default -> client.post(call.path(), call.body());
        };
        String described = endpoint + " as " + role + " for [" + purpose + "]: " + r;
        if (expected.equals("success")) {
            assertThat(r.status()).as(described).isEqualTo(endpoint.success());
        } else {
            assertThat(r.status()).as(described).isEqualTo(expected.equals("unauthenticated") ? 401 : 403);
            assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(r.json().get("type").asString()).as(described).isEqualTo("urn:safereg:problem:" + expected);
        }
        if (endpoint.action() != null) {
            assertAudit(endpoint, role, purpose, expected, requestId, described);
        }
    }

    private void assertAudit(Endpoint endpoint, Role role, String purpose, String expected, String requestId,
                             String described) {
        List<Map<String, Object>> rows = jdbc().sql(
                        "SELECT actor, role, purpose, action, outcome FROM audit_event WHERE request_id = ? ORDER BY seq")
                .param(requestId).query().listOfRows();
        switch (expected) {
            case "unauthenticated" -> assertThat(rows).as(described).isEmpty();
            case "forbidden" -> {
                assertThat(endpoint.name()).as("personal-data routes have no role rule: the core decides and audits")
                        .doesNotContain("/individuals", "/households");
                assertThat(rows).as(described).isEmpty();
            }
            case "success" -> {
                assertThat(rows).as(described).isNotEmpty();
                assertThat(rows).as(described).allSatisfy(row -> {
                    assertThat(row.get("actor")).isEqualTo(username(role));
                    assertThat(row.get("action")).isEqualTo(endpoint.action().name());
                    assertThat(row.get("purpose")).isEqualTo(purpose);
                    assertThat(row.get("outcome")).isEqualTo(endpoint.success() >= 400 ? "FAILED" : "SUCCESS");
                });
            }
            default -> {
                assertThat(rows).as(described).hasSize(1);
                Map<String, Object> row = rows.get(0);
                assertThat(row.get("outcome")).isEqualTo("DENIED");
                assertThat(row.get("actor")).isEqualTo(username(role));
                assertThat(row.get("role")).isEqualTo(role.name());
                assertThat(row.get("action")).isEqualTo(endpoint.action().name());
                assertThat(row.get("purpose")).as("well-formed purposes are recorded as declared").isEqualTo(purpose);
            }
        }
    }

    /** The documented outcome: a problem slug, or "success". */
    private static String expected(Endpoint endpoint, Role role, String purpose) {
        if (role == null) {
            return "unauthenticated";
        }
        if (!endpoint.routeRoles().isEmpty() && !endpoint.routeRoles().contains(role)) {
            return "forbidden";
        }
        if (endpoint.action() == null) {
            return "success";
        }
        if (purpose.isEmpty()) {
            return "no-purpose";
        }
        if (purpose.equals("LAW_ENFORCEMENT")) {
            return "prohibited-purpose";
        }
        if (!PURPOSE_ACTIONS.containsKey(purpose)) {
            return "invalid-purpose";
        }
        if (!ROLE_PURPOSES.get(role).contains(purpose)) {
            return "purpose-not-allowed";
        }
        if (!PURPOSE_ACTIONS.get(purpose).contains(endpoint.action())) {
            return "action-not-covered";
        }
        Set<Role> only = ACTION_ROLES.get(endpoint.action());
        return only == null || only.contains(role) ? "success" : "action-not-allowed-for-role";
    }

    // ---- fixtures, created directly through the core as the registration officer ----

    private static final RequestContext FIXTURE = RequestContext.of(
            new Actor("registrar", Set.of(Role.REGISTRATION_OFFICER)), "REG.ENROL", "fixture");

    private static IndividualDetails details(String given, String family, String passport) {
        return IndividualDetails.builder(RegistrationMethod.FULL, Names.of(given, family))
                .sex(Sex.FEMALE).birth(Birth.on(LocalDate.of(1985, 3, 3))).nationalities("SOM")
                .documents(IdentityDocument.of(DocumentType.PASSPORT, passport, "SOM"))
                .populationCategory(PopulationCategory.IDP).location(LocationRef.of("ZZ0101", "ZZ-S1")).build();
    }

    private String enrolFixture(String given, String family, String passport) {
        return core.individuals().enrol(FIXTURE, TestConsents.standard(), details(given, family, passport), Optional.empty()).id().toString();
    }

    /** An individual not in a household: fresh when the call will change it, else a shared one. */
    String individual() {
        return fresh ? enrolFixture("Fixture", "Person", Samples.passport()) : sharedIndividual;
    }

    /** A household of head + one child at version 1: fresh when the call will change it, else a shared one. */
    HouseholdEnrolmentResult household() {
        return fresh ? newHousehold() : sharedHousehold;
    }

    private HouseholdEnrolmentResult newHousehold() {
        return core.households().enrol(FIXTURE, TestConsents.standard(), new HouseholdEnrolment(details("Head", "Fixture", Samples.passport()),
                List.of(new NewHouseholdMember(details("Child", "Fixture", Samples.passport()), Relationship.CHILD))),
                Optional.empty());
    }

    /** A person enrolled with synthetic fingers 501 and 502 (impression 0), ACTIVE. */
    String biometricPerson() {
        if (sharedBiometricPerson == null) {
            sharedBiometricPerson = core.biometrics().enrol(FIXTURE, TestConsents.standard(), details("Biometric", "Fixture", Samples.passport()),
                    BiometricSamples.syntheticPair(501, 0), Optional.empty()).id().toString();
        }
        return sharedBiometricPerson;
    }

    /** An open adjudication case and its new registration. */
    record OpenCase(String caseId, String subject) {
    }

    /** An open case (a second enrolment of the biometric person's fingers): fresh when the call decides it. */
    OpenCase adjudicationCase() {
        biometricPerson();
        if (fresh || sharedCase == null) {
            BiometricEnrolmentResult again = core.biometrics().enrol(FIXTURE, TestConsents.standard(), details("Again", "Fixture",
                    Samples.passport()), BiometricSamples.syntheticPair(501, 3), Optional.empty());
            OpenCase open = new OpenCase(again.adjudicationCase().orElseThrow().toString(), again.id().toString());
            if (fresh) {
                return open;
            }
            sharedCase = open;
        }
        return sharedCase;
    }

    /** A child whose consent record flags re-consent at majority on 2039-01-01 (created once). */
    void childDueForReconsent() {
        if (sharedChild == null) {
            sharedChild = enrolFixture("Child", "Reconsent", Samples.passport());
            var d = TestConsents.standard();
            core.consents().record(FIXTURE, new org.safereg.keys.SubjectId(java.util.UUID.fromString(sharedChild)),
                    new org.safereg.privacy.consent.ConsentDeclaration(d.notice(), d.language(), d.delivery(),
                            d.interpreterUsed(), org.safereg.privacy.consent.ConsentGiver.PARENT_OR_GUARDIAN,
                            Optional.of("guardian"), Optional.of(true), Optional.empty(), Optional.empty(),
                            Optional.of(LocalDate.of(2039, 1, 1)), d.purposes()));
        }
    }

    String freshUser() {
        String name = "matrix" + SEQUENCE.incrementAndGet();
        accounts.create(name, Set.of(Role.STATISTICIAN));
        return name;
    }
}
