package org.safereg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.api.support.Samples;
import org.safereg.keys.DataCategory;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.Action;
import org.safereg.privacy.Actor;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PurposeCatalogue;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.PurposeDefinition;
import org.safereg.privacy.Role;
import org.safereg.privacy.breakglass.BreakGlassId;
import org.safereg.privacy.consent.ConsentDeclaration;
import org.safereg.privacy.consent.ConsentStatus;
import org.safereg.privacy.consent.PurposeConsent;
import org.safereg.privacy.sharing.RecipientId;
import org.safereg.registration.RequestContext;
import org.safereg.registration.biometrics.BiometricEnrolmentResult;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.model.Birth;
import org.safereg.registration.model.Contact;
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
import org.safereg.registration.model.SpecificNeed;
import org.safereg.registration.statistics.BudgetPeriod;
import org.safereg.registration.statistics.TableDraft;
import org.safereg.registration.testing.BiometricSamples;
import org.safereg.registration.testing.TestConsents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's route table, walked from Spring's {@link RequestMappingHandlerMapping} (every HTTP route the
 * application serves), against the privacy engine, over real HTTP and a real database.
 *
 * <p><b>Classification.</b> A route is a personal-data route if its handler takes a {@link RequestContext}: the
 * registration core's services that read or change personal data (individuals, households, biometrics, consent,
 * case notes, break-glass, subject rights, transfers, audit, keys, retention) take nothing else, since the context
 * carries the actor and the declared purpose their access guard decides on; a handler without one cannot reach
 * personal data. Every other route must be in {@link #NON_PERSONAL}, each with the reason it holds no personal data
 * of registered people. A route that is neither, or has no request template ({@link #TEMPLATES}), fails the test, so
 * a new route cannot be added without being classified here.
 *
 * <p><b>Guard proof.</b> Every personal-data route, called without X-Purpose by a user of every role, answers 403
 * {@code no-purpose} with exactly one DENIED audit row naming the route's action (a role the security
 * configuration keeps off the route answers 403 {@code forbidden}, with no row: the route rule of
 * docs/api.md). The action is taken from that row and drives the matrix. Every non-personal GET route, called by
 * every role after subjects with distinctive values were planted, returns none of those values.
 *
 * <p><b>Matrix.</b> Every personal-data route x every role x every purpose of the application's
 * {@link PurposeCatalogue} (plus none, a prohibited and an unknown one) x the consent state of the subject (given,
 * refused, withdrawn, expired, none) x, for the disclosure route ({@code POST /transfers}), the state of the
 * recipient's agreement (none, active, expired, revoked, not covering the purpose). The expected outcome comes from
 * {@link #oracle}, written here from the catalogue's tables and the algorithm of docs/privacy.md,
 * independently of {@code PurposePolicy}. Runtime is kept sane by two rules: a (role, purpose) denied before the
 * subject check (steps 1 and 2) is tried with one consent state only, since the subject plays no part in it; the
 * consent state is varied only where it can matter (a single-subject route, a purpose requiring a subject basis, an
 * action other than consent management). Multi-subject routes (search, list, 1:N identification, transfers) show the
 * consent effect as the inclusion or exclusion of the subject, never a 403. Fixtures are shared where the call does
 * not change them and fresh where it does (a permitted update, erasure, household change, consent change, decision).
 *
 * <p><b>Projection.</b> Subjects carry distinctive values in every {@link PersonalField} that has one (names, birth,
 * nationality, documents, location, specific needs, contact, household, change reason, case note text; enumerated
 * fields are recognised by their JSON property). Every permitted call's response contains no value of a field the
 * purpose (narrowed by the agreement for a transfer) does not allow, and single-record reads contain the allowed
 * ones they show.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyRouteTableTest extends ApiIntegrationTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** With the Vault provider, KEK rotation is an operator action in Vault (409 operator-action-required). */
    private static final boolean VAULT = "vault".equals(System.getProperty("safereg.test.kek"));
    private static final String NO_PURPOSE = "";
    private static final String PROHIBITED = "LAW_ENFORCEMENT";
    private static final String UNKNOWN = "NOT.A_PURPOSE";
    private static final Set<Action> CONSENT_MANAGEMENT = EnumSet.of(Action.CONSENT_READ, Action.CONSENT_RECORD,
            Action.CONSENT_WITHDRAW);
    private static final Set<Action> BIOMETRIC_ACTIONS = EnumSet.of(Action.BIOMETRIC_ENROL, Action.BIOMETRIC_VERIFY,
            Action.BIOMETRIC_IDENTIFY, Action.BIOMETRIC_IMAGE_VIEW, Action.BIOMETRIC_REEXTRACT,
            Action.ADJUDICATION_VIEW, Action.ADJUDICATION_DECIDE);
    /** Fields an agreement may carry (documented in docs/privacy.md): never history, biometrics, notes. */
    private static final Set<PersonalField> TRANSFERABLE = EnumSet.complementOf(EnumSet.of(
            PersonalField.CHANGE_HISTORY, PersonalField.BIOMETRICS, PersonalField.CASE_NOTES));
    /** The fields of the agreements recorded for the matrix. */
    private static final List<String> AGREEMENT_FIELDS = List.of("NAMES", "LOCATION", "CONTACT", "DOCUMENTS");

    /**
     * Routes that hold no personal data of registered people (their handlers take no {@link RequestContext}), each
     * with the reason.
     */
    static final Map<String, String> NON_PERSONAL = Map.ofEntries(
            Map.entry("GET /api/v1/account", "the caller's own account: username and roles"),
            Map.entry("POST /api/v1/account/password", "changes the caller's own password"),
            Map.entry("GET /api/v1/admin/users", "staff accounts (ADMIN only), not registered people"),
            Map.entry("POST /api/v1/admin/users", "creates a staff account"),
            Map.entry("POST /api/v1/admin/users/{username}/disable", "disables a staff account"),
            Map.entry("GET /api/v1/locations", "the administrative-unit reference hierarchy"),
            Map.entry("GET /api/v1/locations/{pcode}", "one administrative unit"),
            Map.entry("POST /api/v1/locations", "records an administrative unit"),
            Map.entry("GET /api/v1/sites", "the site reference list"),
            Map.entry("GET /api/v1/sites/{id}", "one site"),
            Map.entry("POST /api/v1/sites", "records a site"),
            Map.entry("GET /api/v1/keys/signing-key", "public keys that verify receipts and checkpoints (not secret)"),
            Map.entry("ANY /error", "the problem+json error page (no personal data by the problem rules)"),
            Map.entry("GET /v3/api-docs", "the OpenAPI description"),
            Map.entry("GET /v3/api-docs.yaml", "the OpenAPI description (YAML)"),
            Map.entry("GET /v3/api-docs/swagger-config", "Swagger UI configuration"),
            Map.entry("GET /swagger-ui.html", "redirect to the Swagger UI"));

    /** Non-personal GET routes with path variables: the concrete path to call. */
    private static final Map<String, String> NON_PERSONAL_PATHS = Map.of(
            "GET /api/v1/locations/{pcode}", "/api/v1/locations/ZZ01",
            "GET /api/v1/sites/{id}", "/api/v1/sites/ZZ-S1");

    /** Route rules of the security configuration (docs/api.md): roles a route admits; absent: any signed-in user. */
    private static Set<Role> routeRoles(String key) {
        String path = key.substring(key.indexOf(' ') + 1);
        if (path.startsWith("/api/v1/audit/") || path.startsWith("/api/v1/keys/")
                || path.startsWith("/api/v1/retention/") || path.startsWith("/api/v1/agreements")) {
            return Set.of(Role.DATA_PROTECTION_OFFICER);
        }
        if (path.startsWith("/api/v1/admin/")) {
            return Set.of(Role.ADMIN);
        }
        return Set.of();
    }

    // ---------------------------------------------------------------- request templates

    /** How many subjects a route's request concerns, as the core's access guard sees them. */
    enum Subjects {
        /** No subject (enrolment of a new one, queues, administration): the decision ends after step 2. */
        NONE,
        /** One named subject: its basis for the purpose is checked (step 3). */
        ONE,
        /** Several subjects decided one by one: those without a basis are left out. */
        MANY
    }

    /** An HTTP call. */
    record Call(String method, String path, Object body) {
    }

    /**
     * How to call a route against fixtures.
     *
     * @param subjects how many subjects the request concerns
     * @param varies whether the template can target a subject of every consent state (else: the given one)
     * @param changes whether a permitted call changes its fixtures (then they are fresh)
     * @param success the status of a permitted call
     * @param shows for single-record reads, the fields the route shows when allowed (projection positives)
     */
    record Template(Subjects subjects, boolean varies, boolean changes, int success, Set<PersonalField> shows,
                    Function<Target, Call> call) {
        static Template none(int success, boolean changes, Function<Target, Call> call) {
            return new Template(Subjects.NONE, false, changes, success, Set.of(), call);
        }

        static Template one(int success, boolean changes, Set<PersonalField> shows, Function<Target, Call> call) {
            return new Template(Subjects.ONE, true, changes, success, shows, call);
        }

        static Template many(int success, Function<Target, Call> call) {
            return new Template(Subjects.MANY, true, false, success, Set.of(), call);
        }
    }

    private static final Set<PersonalField> RECORD_FIELDS = EnumSet.of(PersonalField.NAMES, PersonalField.BIRTH,
            PersonalField.NATIONALITIES, PersonalField.DOCUMENTS, PersonalField.LOCATION,
            PersonalField.SPECIFIC_NEEDS, PersonalField.CONTACT, PersonalField.REGISTRATION_METHOD,
            PersonalField.SEX, PersonalField.POPULATION_CATEGORY);

    private static Set<PersonalField> plus(Set<PersonalField> base, PersonalField... more) {
        Set<PersonalField> s = EnumSet.copyOf(base);
        s.addAll(List.of(more));
        return s;
    }

    /** The table the matrix releases: open publication by admin1 (the profile's floor) and sex. */
    private static final Map<String, Object> STATISTICAL_TABLE = Map.of("dimensions", List.of("ADMIN1", "SEX"),
            "profile", "PUBLIC", "population", "ZZ");

    /** Request templates keyed by "METHOD pattern". */
    static final Map<String, Template> TEMPLATES = Map.ofEntries(
            Map.entry("POST /api/v1/individuals", Template.none(201, true, t -> new Call("POST", "/api/v1/individuals",
                    Samples.enrolment(Samples.individual("Route", "Table", Samples.passport()))))),
            Map.entry("GET /api/v1/individuals/{id}", Template.one(200, false,
                    plus(RECORD_FIELDS, PersonalField.HOUSEHOLD, PersonalField.CHANGE_HISTORY),
                    t -> new Call("GET", "/api/v1/individuals/" + t.subject().id, null))),
            Map.entry("PUT /api/v1/individuals/{id}", Template.one(200, true, Set.of(), t -> new Call("PUT",
                    "/api/v1/individuals/" + t.subject().id, Map.of("expectedVersion", t.subject().version,
                            "reason", "corrected spelling", "details", Samples.individual("Route", "Table",
                                    Samples.passport()))))),
            Map.entry("GET /api/v1/individuals/{id}/history", Template.one(200, false,
                    plus(RECORD_FIELDS, PersonalField.CHANGE_HISTORY),
                    t -> new Call("GET", "/api/v1/individuals/" + t.subject().id + "/history", null))),
            Map.entry("POST /api/v1/individuals/search", Template.many(200, t -> new Call("POST",
                    "/api/v1/individuals/search", Map.of("documentNumber", t.subject().passport)))),
            Map.entry("DELETE /api/v1/individuals/{id}", Template.one(200, true, Set.of(),
                    t -> new Call("DELETE", "/api/v1/individuals/" + t.subject().id, null))),
            Map.entry("GET /api/v1/locations/{pcode}/individuals", Template.many(200, t -> new Call("GET",
                    "/api/v1/locations/" + t.subject().pcode + "/individuals?page=0&size=50", null))),
            Map.entry("POST /api/v1/households", Template.none(201, true, t -> new Call("POST", "/api/v1/households",
                    Map.of("head", Samples.individual("Head", "Table", Samples.passport()),
                            "members", List.of(Map.of("details", Samples.individual("Child", "Table",
                                    Samples.passport()), "relationshipToHead", "CHILD")),
                            "consent", Samples.consent())))),
            Map.entry("GET /api/v1/households/{id}", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/households/" + t.fixtures().household, null))),
            Map.entry("POST /api/v1/households/{id}/members", Template.one(200, true, Set.of(), t -> {
                String household = t.fresh ? t.test.newHousehold(ConsentState.GIVEN).household().value().toString()
                        : t.fixtures().household;
                return new Call("POST", "/api/v1/households/" + household + "/members", Map.of("individual",
                        t.subject().id, "relationshipToHead", "OTHER_RELATIVE", "expectedVersion", 1,
                        "reason", "joined"));
            })),
            Map.entry("POST /api/v1/households/{id}/member-removals", Template.one(200, true, Set.of(), t -> {
                if (!t.fresh) {
                    return new Call("POST", "/api/v1/households/" + t.fixtures().household + "/member-removals",
                            Map.of("individual", t.subject().id, "expectedVersion", 1, "reason", "moved out"));
                }
                HouseholdEnrolmentResult h = t.test.newHousehold(t.state);
                return new Call("POST", "/api/v1/households/" + h.household().value() + "/member-removals",
                        Map.of("individual", h.members().get(0).value().toString(), "expectedVersion", 1,
                                "reason", "moved out"));
            })),
            Map.entry("POST /api/v1/individuals/{id}/consents", Template.one(201, true, Set.of(),
                    t -> new Call("POST", "/api/v1/individuals/" + t.subject().id + "/consents", Samples.consent()))),
            Map.entry("POST /api/v1/individuals/{id}/consents/withdrawals", Template.one(201, true, Set.of(),
                    t -> new Call("POST", "/api/v1/individuals/" + t.subject().id + "/consents/withdrawals",
                            Map.of("purpose", "ASSIST.NFI")))),
            Map.entry("GET /api/v1/individuals/{id}/consents", Template.one(200, false, Set.of(),
                    t -> new Call("GET", "/api/v1/individuals/" + t.subject().id + "/consents", null))),
            Map.entry("GET /api/v1/consents/reconsent-due", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/consents/reconsent-due?dueBy=2040-01", null))),
            Map.entry("POST /api/v1/individuals/{id}/case-notes", Template.one(201, false, Set.of(),
                    t -> new Call("POST", "/api/v1/individuals/" + t.subject().id + "/case-notes",
                            Map.of("text", "follow-up visit planned")))),
            Map.entry("GET /api/v1/individuals/{id}/case-notes", Template.one(200, false,
                    EnumSet.of(PersonalField.CASE_NOTES),
                    t -> new Call("GET", "/api/v1/individuals/" + t.subject().id + "/case-notes", null))),
            Map.entry("GET /api/v1/individuals/{id}/export", Template.one(200, false,
                    plus(RECORD_FIELDS, PersonalField.CHANGE_HISTORY),
                    t -> new Call("GET", "/api/v1/individuals/" + t.subject().id + "/export", null))),
            Map.entry("GET /api/v1/individuals/{id}/erasure-receipt", new Template(Subjects.ONE, false, false, 200,
                    Set.of(), t -> new Call("GET", "/api/v1/individuals/" + t.fixtures().erased + "/erasure-receipt",
                    null))),
            Map.entry("POST /api/v1/biometrics/enrolments", Template.none(201, true, t -> new Call("POST",
                    "/api/v1/biometrics/enrolments", Samples.biometricEnrolment("Route",
                            BiometricSamples.syntheticPair(t.test.nextFingers(), 0))))),
            Map.entry("POST /api/v1/biometrics/verifications", Template.one(200, false, Set.of(), t -> new Call("POST",
                    "/api/v1/biometrics/verifications", Map.of("subject", t.subject().id, "fingerprints",
                            Samples.fingerprints(BiometricSamples.syntheticPair(t.subject().fingers, 2)))))),
            Map.entry("POST /api/v1/biometrics/identifications", Template.many(200, t -> new Call("POST",
                    "/api/v1/biometrics/identifications", Map.of("fingerprints",
                            Samples.fingerprints(BiometricSamples.syntheticPair(t.subject().fingers, 2)))))),
            Map.entry("GET /api/v1/biometrics/registrations/{id}", Template.one(200, false, Set.of(),
                    t -> new Call("GET", "/api/v1/biometrics/registrations/" + t.subject().id, null))),
            Map.entry("GET /api/v1/biometrics/adjudications", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/biometrics/adjudications?page=0&size=5", null))),
            Map.entry("GET /api/v1/biometrics/adjudications/{caseId}", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/biometrics/adjudications/" + t.openCase().caseId(), null))),
            Map.entry("GET /api/v1/biometrics/adjudications/{caseId}/subjects/{subject}/fingers/{position}/image",
                    new Template(Subjects.ONE, false, false, 200, Set.of(), t -> {
                        OpenCase open = t.openCase();
                        return new Call("GET", "/api/v1/biometrics/adjudications/" + open.caseId() + "/subjects/"
                                + open.subject() + "/fingers/RIGHT_INDEX/image", null);
                    })),
            Map.entry("POST /api/v1/biometrics/adjudications/{caseId}/decision", Template.none(200, true,
                    t -> new Call("POST", "/api/v1/biometrics/adjudications/" + t.openCase().caseId() + "/decision",
                            Map.of("decision", "DISTINCT", "reason", "different person")))),
            Map.entry("POST /api/v1/biometrics/reextraction", Template.none(202, false,
                    t -> new Call("POST", "/api/v1/biometrics/reextraction?batchSize=10", null))),
            Map.entry("GET /api/v1/biometrics/reextraction", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/biometrics/reextraction", null))),
            Map.entry("GET /api/v1/audit/verification", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/audit/verification", null))),
            Map.entry("POST /api/v1/audit/checkpoints", Template.none(201, false,
                    t -> new Call("POST", "/api/v1/audit/checkpoints", null))),
            Map.entry("GET /api/v1/keys/status", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/keys/status", null))),
            Map.entry("POST /api/v1/keys/rotations", Template.none(VAULT ? 409 : 201, false,
                    t -> new Call("POST", "/api/v1/keys/rotations", null))),
            Map.entry("POST /api/v1/keys/rewrap", Template.none(200, false,
                    t -> new Call("POST", "/api/v1/keys/rewrap?batchSize=500", null))),
            Map.entry("POST /api/v1/keys/versions/{version}/retire", Template.none(409, false,
                    t -> new Call("POST", "/api/v1/keys/versions/" + t.test.kek.primaryVersion().number()
                            + "/retire", null))),
            Map.entry("GET /api/v1/retention/report", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/retention/report", null))),
            Map.entry("POST /api/v1/retention/runs", Template.none(200, false,
                    t -> new Call("POST", "/api/v1/retention/runs", null))),
            Map.entry("POST /api/v1/break-glass", Template.none(201, false, t -> new Call("POST",
                    "/api/v1/break-glass", Map.of("subjectId", t.subject().id, "reason", "missing child report")))),
            Map.entry("GET /api/v1/break-glass/pending", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/break-glass/pending", null))),
            Map.entry("POST /api/v1/break-glass/{id}/approve", Template.none(200, true,
                    t -> new Call("POST", "/api/v1/break-glass/" + t.test.pendingRequest(t) + "/approve", null))),
            Map.entry("POST /api/v1/break-glass/{id}/reject", Template.none(200, true,
                    t -> new Call("POST", "/api/v1/break-glass/" + t.test.pendingRequest(t) + "/reject", null))),
            Map.entry("GET /api/v1/break-glass/reviews", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/break-glass/reviews", null))),
            Map.entry("POST /api/v1/break-glass/{id}/review", Template.none(200, true,
                    t -> new Call("POST", "/api/v1/break-glass/" + t.test.approvedGrant(t) + "/review",
                            Map.of("outcome", "JUSTIFIED")))),
            Map.entry("POST /api/v1/agreements", Template.none(201, false, t -> new Call("POST", "/api/v1/agreements",
                    agreement(recipient("NEW"), "ASSIST.CASH")))),
            Map.entry("GET /api/v1/agreements", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/agreements", null))),
            Map.entry("GET /api/v1/agreements/{id}", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/agreements/" + t.fixtures().agreement, null))),
            Map.entry("POST /api/v1/agreements/{id}/revoke", Template.none(200, true, t -> new Call("POST",
                    "/api/v1/agreements/" + (t.fresh ? t.test.createAgreement(recipient("REV"), "ASSIST.CASH")
                            : t.fixtures().agreement) + "/revoke", Map.of("reason", "ended")))),
            Map.entry("POST /api/v1/transfers", new Template(Subjects.MANY, true, false, 201, Set.of(),
                    t -> new Call("POST", "/api/v1/transfers", Map.of("recipient", t.recipient,
                            "subjects", List.of(t.subject().id))))),
            Map.entry("GET /api/v1/transfers/{id}", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/transfers/" + t.fixtures().transfer, null))),
            Map.entry("GET /api/v1/transfers", Template.one(200, false, Set.of(),
                    t -> new Call("GET", "/api/v1/transfers?subject=" + t.subject().id, null))),
            Map.entry("POST /api/v1/statistics/tables", Template.none(201, false,
                    t -> new Call("POST", "/api/v1/statistics/tables", STATISTICAL_TABLE))),
            Map.entry("POST /api/v1/statistics/extracts", Template.none(201, false,
                    t -> new Call("POST", "/api/v1/statistics/extracts", Map.of("fields", List.of("SEX"),
                            "population", t.test.extractPopulation(), "recipient", t.test.extractRecipient())))),
            Map.entry("GET /api/v1/statistics/releases/{id}/table.csv", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/statistics/releases/" + t.test.statisticalRelease(t.purpose)
                            + "/table.csv", null))),
            Map.entry("GET /api/v1/statistics/releases/{id}/manifest", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/statistics/releases/" + t.test.statisticalRelease(t.purpose)
                            + "/manifest", null))),
            Map.entry("GET /api/v1/statistics/releases", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/statistics/releases?page=0&size=5", null))),
            Map.entry("POST /api/v1/statistics/releases/{id}/verify", Template.none(200, false,
                    t -> new Call("POST", "/api/v1/statistics/releases/" + t.test.statisticalRelease(t.purpose)
                            + "/verify", null))),
            Map.entry("GET /api/v1/statistics/budget", Template.none(200, false,
                    t -> new Call("GET", "/api/v1/statistics/budget?population=ZZ", null))),
            Map.entry("PUT /api/v1/statistics/budget/{population}/{period}", Template.none(200, false,
                    t -> new Call("PUT", "/api/v1/statistics/budget/ZZ/" + BudgetPeriod.of(Instant.now()),
                            Map.of("rho", "1")))));

    // ---------------------------------------------------------------- fixtures

    /** The consent state of a subject for every purpose requiring a basis (FRAUD excepted: see {@link #person}). */
    enum ConsentState { GIVEN, REFUSED, WITHDRAWN, EXPIRED, NONE }

    /** The standing of a subject for one purpose, as the fixtures recorded it. */
    record Standing(ConsentStatus status, LegalBasis basis, Set<DataCategory> categories, Optional<Instant> validUntil) {
    }

    /** A planted subject: id, version, its distinctive values, its fingers, and its recorded standings. */
    static final class Person {
        final String id;
        final int version;
        final String passport;
        final String phone;
        final String pcode;
        final long fingers;
        final Map<String, Standing> standings;

        Person(String id, int version, String passport, String phone, String pcode, long fingers,
               Map<String, Standing> standings) {
            this.id = id;
            this.version = version;
            this.passport = passport;
            this.phone = phone;
            this.pcode = pcode;
            this.fingers = fingers;
            this.standings = standings;
        }
    }

    /** The shared fixtures (created once). */
    static final class Fixtures {
        final Map<ConsentState, Person> people = new EnumMap<>(ConsentState.class);
        String household;
        String householdOfGiven;
        String reason;
        String note;
        String erased;
        String agreement;
        String transfer;
        OpenCase openCase;
        /** Recipient per (purpose, agreement state). */
        final Map<String, String> recipients = new ConcurrentHashMap<>();
        /** A registered statistical release per statistical purpose. */
        final Map<String, String> releases = new ConcurrentHashMap<>();
    }

    record OpenCase(String caseId, String subject) {
    }

    /** The agreement a recipient holds when the matrix discloses to it. */
    enum AgreementState { NONE, ACTIVE, EXPIRED, REVOKED, OTHER_PURPOSE }

    /** What a template needs for one call. */
    static final class Target {
        final PrivacyRouteTableTest test;
        final ConsentState state;
        final boolean fresh;
        final String purpose;
        final String recipient;
        private Person subject;

        Target(PrivacyRouteTableTest test, ConsentState state, boolean fresh, String purpose, String recipient) {
            this.test = test;
            this.state = state;
            this.fresh = fresh;
            this.purpose = purpose;
            this.recipient = recipient;
        }

        Fixtures fixtures() {
            return test.fixtures();
        }

        /** The subject in this target's consent state: shared, or fresh when the call will change it. */
        Person subject() {
            if (subject == null) {
                subject = fresh ? test.person(state, false, "ZZ01RF") : fixtures().people.get(state);
            }
            return subject;
        }

        OpenCase openCase() {
            return fresh ? test.newCase() : fixtures().openCase;
        }
    }

    private static Fixtures fixtures;
    private static final Map<String, Action> ACTIONS = new ConcurrentHashMap<>();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;
    @Autowired
    private PurposeCatalogue catalogue;

    private static final RequestContext REGISTRAR = RequestContext.of(
            new Actor("registrar", Set.of(Role.REGISTRATION_OFFICER)), "REG.ENROL", "route-table-fixture");

    private static RequestContext context(String user, Role role, String purpose) {
        return RequestContext.of(new Actor(user, Set.of(role)), purpose, "route-table-fixture");
    }

    /** The standing "given" for a purpose: explicit consent with biometrics where accepted, else its first basis. */
    private static Standing given(PurposeDefinition d) {
        LegalBasis basis = d.bases().contains(LegalBasis.CONSENT) || d.bases().contains(LegalBasis.EXPLICIT_CONSENT)
                ? LegalBasis.EXPLICIT_CONSENT : new TreeSet<>(d.bases()).first();
        return new Standing(ConsentStatus.GIVEN, basis, Set.of(DataCategory.DEMOGRAPHIC, DataCategory.BIOMETRIC,
                DataCategory.CASE_NOTES), Optional.empty());
    }

    /** Purposes requiring a subject basis, by code. */
    private Map<String, PurposeDefinition> basisPurposes() {
        Map<String, PurposeDefinition> m = new TreeMap<>();
        catalogue.definitions().stream().filter(PurposeDefinition::requiresSubjectBasis)
                .forEach(d -> m.put(d.code().value(), d));
        return m;
    }

    private static ConsentDeclaration declaration(Map<String, Standing> answers, Optional<Instant> validUntil) {
        ConsentDeclaration base = TestConsents.standard();
        List<PurposeConsent> purposes = new ArrayList<>();
        // every answer names the matrix's recipients with an active agreement (and the shared one), so that a
        // consent-based disclosure is decided on the agreement; the named-recipient rule is TransferApiTest's
        answers.forEach((purpose, s) -> purposes.add(new PurposeConsent(PurposeCode.of(purpose), s.basis(),
                s.categories(), Set.of(RecipientId.of(matrixRecipient(purpose, AgreementState.ACTIVE)),
                        RecipientId.of(SHARED_RECIPIENT)), Optional.empty(), s.status())));
        return new ConsentDeclaration(base.notice(), base.language(), base.delivery(), base.interpreterUsed(),
                base.givenBy(), Optional.empty(), Optional.empty(), Optional.empty(), validUntil, Optional.empty(),
                purposes);
    }

    /**
     * A subject in {@code state} for every purpose requiring a basis, except FRAUD, which stays given (no default
     * role declares it; it keeps the subject out of the retention run's reach). NONE answers only REG.ENROL (an
     * enrolment needs it) and FRAUD. Biometric subjects get their own synthetic fingers.
     */
    Person person(ConsentState state, boolean biometric, String pcode) {
        Map<String, Standing> standings = new TreeMap<>();
        Map<String, Standing> enrolment = new TreeMap<>();
        basisPurposes().forEach((code, d) -> {
            if (state != ConsentState.NONE || code.equals("REG.ENROL") || code.equals("FRAUD")) {
                enrolment.put(code, given(d));
            }
        });
        standings.putAll(enrolment);
        String passport = "RTDOC" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String phone = "+252 61 9" + String.format("%06d", SEQUENCE.incrementAndGet() * 7 % 1_000_000);
        IndividualDetails details = IndividualDetails.builder(RegistrationMethod.FULL, Names.of("Zephyrine", "Quillfeather"))
                .sex(Sex.FEMALE).birth(Birth.on(LocalDate.of(1933, 11, 27))).nationalities("TUV")
                .documents(IdentityDocument.of(DocumentType.PASSPORT, passport, "TUV"))
                .populationCategory(PopulationCategory.RETURNEE).location(LocationRef.of(pcode))
                .specificNeeds(SpecificNeed.SURVIVOR_OF_TORTURE).contact(Contact.phone(phone)).build();
        long fingers = biometric ? nextFingers() : 0;
        String id = biometric
                ? core.biometrics().enrol(REGISTRAR, declaration(enrolment, Optional.empty()), details,
                        BiometricSamples.syntheticPair(fingers, 0), Optional.empty()).id().toString()
                : core.individuals().enrol(REGISTRAR, declaration(enrolment, Optional.empty()), details,
                        Optional.empty()).id().toString();
        applyState(id, state, standings);
        return new Person(id, 1, passport, phone, pcode, fingers, standings);
    }

    /** Moves every basis purpose but FRAUD (and REG.ENROL for NONE, which has nothing else) into {@code state}. */
    private void applyState(String id, ConsentState state, Map<String, Standing> standings) {
        SubjectId subject = new SubjectId(UUID.fromString(id));
        Map<String, Standing> changed = new TreeMap<>();
        standings.forEach((code, s) -> {
            if (!code.equals("FRAUD")) {
                changed.put(code, s);
            }
        });
        switch (state) {
            case GIVEN, NONE -> {
            }
            case REFUSED -> {
                changed.replaceAll((code, s) -> new Standing(ConsentStatus.REFUSED, s.basis(), s.categories(),
                        Optional.empty()));
                core.consents().record(REGISTRAR, subject, declaration(changed, Optional.empty()));
                standings.putAll(changed);
            }
            case WITHDRAWN -> changed.forEach((code, s) -> {
                core.consents().withdraw(REGISTRAR, subject, PurposeCode.of(code));
                standings.put(code, new Standing(ConsentStatus.WITHDRAWN, s.basis(), s.categories(), Optional.empty()));
            });
            case EXPIRED -> {
                Optional<Instant> past = Optional.of(Instant.now().minus(1, ChronoUnit.DAYS));
                core.consents().record(REGISTRAR, subject, declaration(changed, past));
                changed.forEach((code, s) -> standings.put(code, new Standing(s.status(), s.basis(), s.categories(),
                        past)));
            }
        }
    }

    long nextFingers() {
        return 1201 + 2L * SEQUENCE.incrementAndGet();
    }

    private static IndividualDetails plainDetails(String given) {
        return IndividualDetails.builder(RegistrationMethod.FULL, Names.of(given, "Household"))
                .sex(Sex.MALE).birth(Birth.on(LocalDate.of(1980, 1, 1))).nationalities("SOM")
                .populationCategory(PopulationCategory.IDP).documents(IdentityDocument.of(DocumentType.PASSPORT, Samples.passport(), "SOM"))
                .location(LocationRef.of("ZZ0101", "ZZ-S1")).build();
    }

    /** A household of head + one member, both in {@code state} (see {@link #person}). */
    HouseholdEnrolmentResult newHousehold(ConsentState state) {
        Map<String, Standing> enrolment = new TreeMap<>();
        basisPurposes().forEach((code, d) -> {
            if (state != ConsentState.NONE || code.equals("REG.ENROL") || code.equals("FRAUD")) {
                enrolment.put(code, given(d));
            }
        });
        HouseholdEnrolmentResult h = core.households().enrol(REGISTRAR, declaration(enrolment, Optional.empty()),
                new HouseholdEnrolment(plainDetails("Head"), List.of(new NewHouseholdMember(plainDetails("Member"),
                        Relationship.CHILD))), Optional.empty());
        applyState(h.members().get(0).value().toString(), state, new TreeMap<>(enrolment));
        return h;
    }

    /** An open adjudication case: a second enrolment of a biometric subject's fingers. */
    OpenCase newCase() {
        long fingers = nextFingers();
        core.biometrics().enrol(REGISTRAR, TestConsents.standard(), plainDetails("Adjudicated"),
                BiometricSamples.syntheticPair(fingers, 0), Optional.empty());
        BiometricEnrolmentResult again = core.biometrics().enrol(REGISTRAR, TestConsents.standard(),
                plainDetails("Again"), BiometricSamples.syntheticPair(fingers, 3), Optional.empty());
        return new OpenCase(again.adjudicationCase().orElseThrow().toString(), again.id().toString());
    }

    /** A second protection officer of its own (ProtectionFixtures.SECOND_OFFICER signs in with a set password). */
    private static final String SECOND_PROTECTION = "rtprotection2";

    /** A pending break-glass request by a second protection officer, under the call's purpose if it allows one. */
    String pendingRequest(Target t) {
        String purpose = catalogue.definition(PurposeCode.of("PROT.CASE")).isPresent()
                && isBreakGlassPurpose(t.purpose) ? t.purpose : "PROT.CASE";
        return core.breakGlass().request(context(SECOND_PROTECTION, Role.PROTECTION_OFFICER, purpose),
                new SubjectId(UUID.fromString(fixtures().people.get(ConsentState.REFUSED).id)), "no contact possible")
                .id().value().toString();
    }

    private boolean isBreakGlassPurpose(String purpose) {
        try {
            return catalogue.definition(PurposeCode.of(purpose)).map(d -> d.actions()
                    .contains(Action.BREAK_GLASS_REQUEST)).orElse(false);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** An approved, unreviewed grant (requested by the second protection officer, approved by the first). */
    String approvedGrant(Target t) {
        String id = pendingRequest(new Target(this, ConsentState.GIVEN, true, "PROT.CASE", null));
        core.breakGlass().approve(context(username(Role.PROTECTION_OFFICER), Role.PROTECTION_OFFICER, "PROT.CASE"),
                new BreakGlassId(UUID.fromString(id)));
        return id;
    }

    /** This run's suffix of recipient codes (agreements accumulate in the shared database). */
    private static final String RUN = Long.toString(System.nanoTime(), 36).toUpperCase();
    /** The recipient of the fixtures' transfer (ASSIST.CASH). */
    private static final String SHARED_RECIPIENT = "RTSHR-" + RUN;
    /** The admin0 P-code of the matrix's extracts. */
    private static final String EXTRACT_POPULATION = "ZXRT";

    static String recipient(String prefix) {
        return "RT" + prefix + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    /** The recipient whose agreement for {@code purpose} is in {@code state}. */
    static String matrixRecipient(String purpose, AgreementState state) {
        return "RT" + state.name().substring(0, 3) + "-" + purpose + "-" + RUN;
    }

    static Map<String, Object> agreement(String recipient, String purpose) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recipient", recipient);
        m.put("recipientName", "Partner " + recipient);
        m.put("purposes", List.of(purpose));
        m.put("fields", AGREEMENT_FIELDS);
        m.put("validFrom", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        m.put("validUntil", Instant.now().plus(365, ChronoUnit.DAYS).toString());
        m.put("legalBasis", "PUBLIC_INTEREST_MANDATE");
        m.put("signatory", "Head of Programme");
        return m;
    }

    private ApiClient agreementsOfficer() {
        return signedIn(api(), Role.DATA_PROTECTION_OFFICER).purpose("ADMIN.AGREEMENTS");
    }

    String createAgreement(String recipient, String purpose) {
        ApiClient.Response r = agreementsOfficer().post("/api/v1/agreements", agreement(recipient, purpose));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** The recipient whose agreement is in {@code state} for {@code purpose} (created on first use). */
    String recipientFor(String purpose, AgreementState state) {
        return fixtures().recipients.computeIfAbsent(purpose + " " + state, k -> {
            String recipient = matrixRecipient(purpose, state);
            String other = catalogue.definitions().stream().filter(d -> d.actions().contains(Action.TRANSFER))
                    .map(d -> d.code().value()).filter(p -> !p.equals(purpose)).findFirst().orElseThrow();
            switch (state) {
                case NONE -> {
                }
                case ACTIVE -> createAgreement(recipient, purpose);
                case OTHER_PURPOSE -> createAgreement(recipient, other);
                case REVOKED -> assertThat(agreementsOfficer().post("/api/v1/agreements/"
                        + createAgreement(recipient, purpose) + "/revoke", Map.of("reason", "ended")).status())
                        .isEqualTo(200);
                case EXPIRED -> {
                    // the API refuses to record an agreement already over: the row as it stands after its validity
                    Instant from = Instant.now().minus(400, ChronoUnit.DAYS);
                    jdbc().sql("""
                                    INSERT INTO sharing_agreement (id, recipient, recipient_name, purposes, fields,
                                        valid_from, valid_until, legal_basis, signatory, created_at, created_by)
                                    VALUES (?, ?, 'Expired partner', ?, ?, ?, ?, 'PUBLIC_INTEREST_MANDATE', 'S', ?, 'dpo')""")
                            .params(UUID.randomUUID(), recipient, new String[] {purpose},
                                    AGREEMENT_FIELDS.toArray(String[]::new),
                                    OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                                    OffsetDateTime.ofInstant(Instant.now().minus(1, ChronoUnit.DAYS), ZoneOffset.UTC),
                                    OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                            .update();
                }
            }
            return recipient;
        });
    }

    /**
     * A statistical release made under {@code purpose} when a statistician may release under it, else under
     * STATS.PUBLIC (a call declaring another purpose is refused before the release is looked at, or, for the data
     * protection officer's ADMIN.STATISTICS, reads any release).
     */
    String statisticalRelease(String purpose) {
        String under = catalogue.allowedFor(Role.STATISTICIAN).stream().map(PurposeCode::value)
                .filter(p -> p.equals(purpose))
                .filter(p -> catalogue.actionsCoveredBy(PurposeCode.of(p)).contains(Action.STATS_RELEASE))
                .findFirst().orElse("STATS.PUBLIC");
        return fixtures().releases.computeIfAbsent(under, p -> core.statistics().release(
                context(username(Role.STATISTICIAN), Role.STATISTICIAN, p),
                new TableDraft(List.of("ADMIN1", "SEX"), Optional.empty(), "PUBLIC", Optional.empty(),
                        Optional.empty(), Optional.empty(), "ZZ", Optional.empty())).release().id().toString());
    }

    /** The population extracts are made of in the matrix: a country of its own with nobody in it (created once). */
    String extractPopulation() {
        if (core.locations().findAdminUnit(EXTRACT_POPULATION).isEmpty()) {
            core.locations().createAdminUnit(AdminUnit.country(EXTRACT_POPULATION, "Route table extracts"));
        }
        return EXTRACT_POPULATION;
    }

    /** The recipient of the matrix's extracts, with an active agreement covering STATS.OPS (created on first use). */
    String extractRecipient() {
        return fixtures().recipients.computeIfAbsent("extracts", k -> {
            String recipient = "RTEXT-" + RUN;
            createAgreement(recipient, "STATS.OPS");
            return recipient;
        });
    }

    synchronized Fixtures fixtures() {
        if (fixtures != null) {
            return fixtures;
        }
        try {
            return createFixtures();
        } catch (org.safereg.registration.ValidationException e) {
            throw new AssertionError("fixture refused: " + e.errors(), e);
        }
    }

    private Fixtures createFixtures() {
        Fixtures f = new Fixtures();
        if (core.locations().findAdminUnit("ZZ01RT").isEmpty()) {
            core.locations().createAdminUnit(AdminUnit.of("ZZ01RT", 2, "ZZ01", "Route table"));
            core.locations().createAdminUnit(AdminUnit.of("ZZ01RF", 2, "ZZ01", "Route table, fresh"));
        }
        for (ConsentState state : ConsentState.values()) {
            f.people.put(state, person(state, true, "ZZ01RT"));
        }
        Person given = f.people.get(ConsentState.GIVEN);
        SubjectId givenId = new SubjectId(UUID.fromString(given.id));
        // the given subject: every field planted (household, change reason, case note)
        f.reason = "RTreason-" + Long.toString(System.nanoTime(), 36);
        core.individuals().update(REGISTRAR, givenId, 1, core.individuals().read(REGISTRAR, givenId).details(),
                f.reason);
        HouseholdEnrolmentResult own = newHousehold(ConsentState.GIVEN);
        core.households().addMember(REGISTRAR, own.household(), 1, givenId, Relationship.OTHER_RELATIVE, "joined");
        f.householdOfGiven = own.household().value().toString();
        f.note = "RTnote-" + Long.toString(System.nanoTime(), 36);
        core.caseNotes().write(context(username(Role.PROTECTION_OFFICER), Role.PROTECTION_OFFICER, "PROT.CASE_NOTES"),
                givenId, f.note);
        f.people.put(ConsentState.GIVEN, new Person(given.id, 2, given.passport, given.phone, given.pcode,
                given.fingers, given.standings));
        f.household = newHousehold(ConsentState.GIVEN).household().value().toString();
        Person erased = person(ConsentState.GIVEN, false, "ZZ01RF");
        core.individuals().erase(context(username(Role.DATA_PROTECTION_OFFICER), Role.DATA_PROTECTION_OFFICER,
                "SUBJECT_REQUEST"), new SubjectId(UUID.fromString(erased.id)));
        f.erased = erased.id;
        accounts.create(SECOND_PROTECTION, Set.of(Role.PROTECTION_OFFICER));
        fixtures = f;
        f.openCase = newCase();
        String recipient = SHARED_RECIPIENT;
        f.agreement = createAgreement(recipient, "ASSIST.CASH");
        ApiClient.Response t = signedIn(api(), Role.REGISTRATION_OFFICER).purpose("ASSIST.CASH").post(
                "/api/v1/transfers", Map.of("recipient", recipient, "subjects", List.of(given.id)));
        assertThat(t.status()).as(t.toString()).isEqualTo(201);
        f.transfer = t.json().get("transfer").get("id").asString();
        return f;
    }

    // ---------------------------------------------------------------- the route table

    /** One route: method (ANY when the mapping names none), pattern, handler. */
    record Route(String method, String pattern, HandlerMethod handler) {
        String key() {
            return method + " " + pattern;
        }

        boolean personal() {
            return Stream.of(handler.getMethodParameters())
                    .anyMatch(p -> RequestContext.class.equals(p.getParameterType()));
        }

        @Override
        public String toString() {
            return key();
        }
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : handlerMapping.getHandlerMethods().entrySet()) {
            Set<String> methods = new TreeSet<>();
            e.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("ANY");
            }
            for (String pattern : e.getKey().getPatternValues()) {
                for (String method : methods) {
                    routes.add(new Route(method, pattern, e.getValue()));
                }
            }
        }
        routes.sort((a, b) -> a.key().compareTo(b.key()));
        return routes;
    }

    List<Route> personalRoutes() {
        return routes().stream().filter(Route::personal).toList();
    }

    @Test
    @Order(1)
    void everyRouteIsPersonalOrAllowListedAndHasARequestTemplate() {
        List<Route> routes = routes();
        assertThat(routes).as("the route table").hasSizeGreaterThan(40);
        SoftAssertions soft = new SoftAssertions();
        for (Route r : routes) {
            if (r.personal()) {
                soft.assertThat(NON_PERSONAL).as("%s takes a RequestContext: personal, not allow-listed", r)
                        .doesNotContainKey(r.key());
                soft.assertThat(TEMPLATES).as("request template of personal-data route %s", r).containsKey(r.key());
            } else {
                soft.assertThat(NON_PERSONAL).as("%s takes no RequestContext: it must be allow-listed with a reason",
                        r).containsKey(r.key());
            }
        }
        Set<String> keys = new TreeSet<>();
        routes.forEach(r -> keys.add(r.key()));
        soft.assertThat(keys).as("no stale allow-list entry").containsAll(NON_PERSONAL.keySet());
        soft.assertThat(keys).as("no stale template").containsAll(TEMPLATES.keySet());
        soft.assertAll();
    }

    // ---------------------------------------------------------------- guard proof

    private ApiClient.Response send(ApiClient client, Call call) {
        return switch (call.method()) {
            case "GET" -> client.get(call.path());
            case "DELETE" -> client.delete(call.path());
            case "PUT" -> client.put(call.path(), call.body());
            default -> client.post(call.path(), call.body());
        };
    }

    private List<Map<String, Object>> auditRows(String requestId) {
        return jdbc().sql("SELECT actor, role, purpose, action, outcome FROM audit_event WHERE request_id = ? ORDER BY seq")
                .param(requestId).query().listOfRows();
    }

    private static String problemType(ApiClient.Response r) {
        try {
            var type = r.json().get("type");
            return type == null ? null : type.asString();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** The action the core audits for {@code route}, from a call without purpose (memoised). */
    Action action(Route route) {
        return ACTIONS.computeIfAbsent(route.key(), k -> {
            Role role = routeRoles(k).isEmpty() ? Role.REGISTRATION_OFFICER : routeRoles(k).iterator().next();
            String requestId = "rt-action-" + SEQUENCE.incrementAndGet();
            Call call = TEMPLATES.get(k).call().apply(new Target(this, ConsentState.GIVEN, false, NO_PURPOSE,
                    recipientFor("ASSIST.CASH", AgreementState.ACTIVE)));
            send(signedIn(api(), role).header("X-Request-Id", requestId), call);
            List<Map<String, Object>> rows = auditRows(requestId);
            assertThat(rows).as("audit of %s without purpose", k).hasSize(1);
            return Action.valueOf((String) rows.get(0).get("action"));
        });
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> everyPersonalRouteIsGuardedByTheDecisionPoint() {
        fixtures();
        return personalRoutes().stream().map(route -> DynamicTest.dynamicTest(route.key(), () -> {
            Template template = TEMPLATES.get(route.key());
            assertThat(template).as("template of %s", route).isNotNull();
            Set<String> actions = new TreeSet<>();
            for (Role role : Role.values()) {
                String requestId = "rt-guard-" + SEQUENCE.incrementAndGet();
                Call call = template.call().apply(new Target(this, ConsentState.GIVEN, false, NO_PURPOSE,
                        recipientFor("ASSIST.CASH", AgreementState.ACTIVE)));
                ApiClient.Response r = send(signedIn(api(), role).header("X-Request-Id", requestId), call);
                String described = route + " as " + role + " without purpose: " + r;
                assertThat(r.status()).as(described).isEqualTo(403);
                List<Map<String, Object>> rows = auditRows(requestId);
                Set<Role> admitted = routeRoles(route.key());
                if (!admitted.isEmpty() && !admitted.contains(role)) {
                    assertThat(problemType(r)).as(described).isEqualTo("urn:safereg:problem:forbidden");
                    assertThat(rows).as(described).isEmpty();
                    continue;
                }
                assertThat(problemType(r)).as(described).isEqualTo("urn:safereg:problem:no-purpose");
                assertThat(rows).as(described).hasSize(1);
                assertThat(rows.get(0).get("outcome")).as(described).isEqualTo("DENIED");
                assertThat(rows.get(0).get("actor")).as(described).isEqualTo(username(role));
                actions.add((String) rows.get(0).get("action"));
            }
            assertThat(actions).as("one action for %s", route).hasSize(1);
            ACTIONS.put(route.key(), Action.valueOf(actions.iterator().next()));
        }));
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> nonPersonalGetRoutesReturnNoPersonalData() {
        Fixtures f = fixtures();
        return routes().stream().filter(r -> !r.personal() && (r.method().equals("GET") || r.method().equals("ANY")))
                .map(route -> DynamicTest.dynamicTest(route.key(), () -> {
                    String path = NON_PERSONAL_PATHS.getOrDefault(route.key(), route.pattern());
                    for (Role role : Role.values()) {
                        ApiClient.Response r = signedIn(api(), role).get(path);
                        // the values only: the OpenAPI description names the properties of personal fields
                        assertThat(r.text()).as("%s as %s", route, role).doesNotContain(markers(f, EnumSet.allOf(
                                PersonalField.class), "").stream().filter(v -> !v.startsWith("\"")).toArray(String[]::new));
                    }
                }));
    }

    // ---------------------------------------------------------------- the matrix and the oracle

    /** Purposes declared in the matrix: the catalogue's, none, a prohibited one and an unknown one. */
    private List<String> purposes() {
        List<String> p = new ArrayList<>();
        catalogue.knownPurposes().forEach(code -> p.add(code.value()));
        p.sort(String::compareTo);
        p.addAll(List.of(NO_PURPOSE, PROHIBITED, UNKNOWN));
        return p;
    }

    /** The purposes docs/privacy.md lists as prohibited. */
    private static final Set<String> DOCUMENTED_PROHIBITED = Set.of("LAW_ENFORCEMENT", "IMMIGRATION_ENFORCEMENT",
            "MILITARY", "COMMERCIAL");

    /**
     * Oracle, steps 1 and 2 of the documented decision (and the security configuration's route rule before them):
     * the problem slug, or null if the request passes them.
     */
    private String beforeSubject(String key, Role role, String purpose, Action action) {
        Set<Role> admitted = routeRoles(key);
        if (!admitted.isEmpty() && !admitted.contains(role)) {
            return "forbidden";
        }
        if (purpose.isBlank()) {
            return "no-purpose";
        }
        if (DOCUMENTED_PROHIBITED.contains(purpose)) {
            return "prohibited-purpose";
        }
        PurposeDefinition d = definition(purpose);
        if (d == null) {
            return "invalid-purpose";
        }
        if (!d.roles().contains(role)) {
            return "purpose-not-allowed";
        }
        if (!d.actions().contains(action)) {
            return "action-not-covered";
        }
        return catalogue.mayPerform(role, action) ? null : "action-not-allowed-for-role";
    }

    private PurposeDefinition definition(String purpose) {
        return catalogue.definitions().stream().filter(d -> d.code().value().equals(purpose)).findFirst()
                .orElse(null);
    }

    /** Whether step 3 applies: a purpose requiring a subject basis, an action other than consent management. */
    private static boolean needsBasis(PurposeDefinition d, Action action) {
        return d.requiresSubjectBasis() && !CONSENT_MANAGEMENT.contains(action);
    }

    /** Oracle, step 3 for one subject: the problem slug, or null if the subject has a valid basis. */
    private static String basis(PurposeDefinition d, Action action, Person p) {
        Standing s = p.standings.get(d.code().value());
        boolean accepted = s != null && (d.bases().contains(s.basis())
                || (s.basis() == LegalBasis.EXPLICIT_CONSENT && d.bases().contains(LegalBasis.CONSENT)));
        if (s == null || s.status() == ConsentStatus.REFUSED || !accepted) {
            return "no-consent";
        }
        if (s.status() == ConsentStatus.WITHDRAWN) {
            return "consent-withdrawn";
        }
        if (s.validUntil().isPresent() && !s.validUntil().get().isAfter(Instant.now())) {
            return "consent-expired";
        }
        boolean consentBased = s.basis() == LegalBasis.CONSENT || s.basis() == LegalBasis.EXPLICIT_CONSENT;
        if (BIOMETRIC_ACTIONS.contains(action) && (!s.categories().contains(DataCategory.BIOMETRIC)
                || (consentBased && s.basis() != LegalBasis.EXPLICIT_CONSENT))) {
            return "no-consent";
        }
        if ((action == Action.CASE_NOTE_READ || action == Action.CASE_NOTE_WRITE)
                && !s.categories().contains(DataCategory.CASE_NOTES)) {
            return "no-consent";
        }
        return null;
    }

    /** One expected case of the matrix. */
    private record Case(ConsentState state, AgreementState agreement, String slug, Boolean included) {
        @Override
        public String toString() {
            return "consent " + state + (agreement == null ? "" : ", agreement " + agreement);
        }
    }

    /** The cases of (route, role, purpose), expected by the oracle (see the class comment for what is varied). */
    private List<Case> cases(Route route, Template template, Role role, String purpose, Action action) {
        String refused = beforeSubject(route.key(), role, purpose, action);
        if (refused != null) {
            return List.of(new Case(ConsentState.GIVEN, null, refused, null));
        }
        PurposeDefinition d = definition(purpose);
        Fixtures f = fixtures();
        List<Case> cases = new ArrayList<>();
        List<ConsentState> states = template.varies() && needsBasis(d, action)
                ? List.of(ConsentState.values()) : List.of(ConsentState.GIVEN);
        if (action == Action.TRANSFER) {
            for (AgreementState a : AgreementState.values()) {
                if (a != AgreementState.ACTIVE) {
                    cases.add(new Case(ConsentState.GIVEN, a, "no-agreement", null));
                    continue;
                }
                for (ConsentState state : states) {
                    cases.add(new Case(state, a, null, basis(d, action, f.people.get(state)) == null));
                }
            }
            return cases;
        }
        for (ConsentState state : states) {
            String slug = needsBasis(d, action) && template.subjects() != Subjects.NONE
                    ? basis(d, action, f.people.get(state)) : null;
            if (template.subjects() == Subjects.MANY) {
                cases.add(new Case(state, null, null, slug == null));
            } else {
                cases.add(new Case(state, null, slug, null));
            }
        }
        return cases;
    }

    @TestFactory
    @Order(4)
    Stream<DynamicTest> matrixOfRoutesRolesPurposesConsentAndAgreements() {
        fixtures();
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : personalRoutes()) {
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(route.key() + " as " + role, () -> {
                    Template template = TEMPLATES.get(route.key());
                    Action action = action(route);
                    SoftAssertions soft = new SoftAssertions();
                    for (String purpose : purposes()) {
                        for (Case c : cases(route, template, role, purpose, action)) {
                            check(soft, route, template, action, role, purpose, c);
                        }
                    }
                    soft.assertAll();
                }));
            }
        }
        return tests.stream();
    }

    /**
     * The statistician reaches no identified-record route, proved from the route table: every personal-data route
     * whose action is not a statistical output (STATS_*) is refused to STATISTICIAN under each purpose the
     * application's catalogue allows the role (by the documented decision, and over HTTP with a DENIED audit row),
     * and the only routes a statistician is permitted on are the /api/v1/statistics routes, whose responses the
     * matrix checks for personal values.
     */
    @Test
    @Order(5)
    void statisticianReachesNoIdentifiedRecordRoute() {
        fixtures();
        List<String> purposes = catalogue.allowedFor(Role.STATISTICIAN).stream().map(PurposeCode::value).sorted()
                .toList();
        assertThat(purposes).as("the statistician's purposes").isNotEmpty();
        Set<String> reachable = new TreeSet<>();
        SoftAssertions soft = new SoftAssertions();
        for (Route route : personalRoutes()) {
            Action action = action(route);
            boolean statistical = action.name().startsWith("STATS_");
            soft.assertThat(route.pattern().startsWith("/api/v1/statistics/")).as("%s (%s)", route, action)
                    .isEqualTo(statistical);
            for (String purpose : purposes) {
                if (beforeSubject(route.key(), Role.STATISTICIAN, purpose, action) == null) {
                    reachable.add(route.key());
                }
                if (statistical) {
                    continue;
                }
                String requestId = "rt-statistician-" + SEQUENCE.incrementAndGet();
                Call call = TEMPLATES.get(route.key()).call().apply(new Target(this, ConsentState.GIVEN, false,
                        purpose, recipientFor("ASSIST.CASH", AgreementState.ACTIVE)));
                ApiClient.Response r = send(signedIn(api(), Role.STATISTICIAN).purpose(purpose)
                        .header("X-Request-Id", requestId), call);
                String described = route + " as STATISTICIAN for " + purpose + ": " + abbreviated(r);
                soft.assertThat(r.status()).as(described).isEqualTo(403);
                soft.assertThat(auditRows(requestId)).as(described).allSatisfy(row ->
                        assertThat(row.get("outcome")).isEqualTo("DENIED"));
            }
        }
        soft.assertThat(reachable).as("routes a statistician is permitted on")
                .isNotEmpty()
                .allSatisfy(key -> assertThat(key).contains(" /api/v1/statistics/"));
        soft.assertAll();
    }

    private void check(SoftAssertions soft, Route route, Template template, Action action, Role role,
                       String purpose, Case c) {
        boolean permitted = c.slug() == null;
        String recipient = action == Action.TRANSFER && c.agreement() != null
                ? recipientFor(purpose, c.agreement()) : recipientFor("ASSIST.CASH", AgreementState.ACTIVE);
        Target target = new Target(this, c.state(), permitted && template.changes(), purpose, recipient);
        Call call = template.call().apply(target);
        String requestId = "rt-matrix-" + SEQUENCE.incrementAndGet();
        ApiClient client = signedIn(api(), role).header("X-Request-Id", requestId);
        if (!purpose.isEmpty()) {
            client = client.purpose(purpose);
        }
        ApiClient.Response r = send(client, call);
        String described = route + " as " + role + " for [" + purpose + "], " + c + ": " + abbreviated(r);
        List<Map<String, Object>> rows = auditRows(requestId);
        if (!permitted) {
            soft.assertThat(r.status()).as(described).isEqualTo(403);
            soft.assertThat(problemType(r)).as(described).isEqualTo("urn:safereg:problem:" + c.slug());
            if (c.slug().equals("forbidden")) {
                soft.assertThat(rows).as(described).isEmpty();
            } else {
                soft.assertThat(rows).as(described).hasSize(1);
                soft.assertThat(rows).as(described).allSatisfy(row -> {
                    assertThat(row.get("outcome")).isEqualTo("DENIED");
                    assertThat(row.get("action")).isEqualTo(action.name());
                });
            }
            return;
        }
        soft.assertThat(r.status()).as(described).isEqualTo(template.success());
        // SUCCESS, or NOT_FOUND when a permitted query found nothing; FAILED when the permitted operation failed
        Set<String> outcomes = template.success() >= 400 ? Set.of("FAILED") : Set.of("SUCCESS", "NOT_FOUND");
        boolean withheld = action == Action.TRANSFER && Boolean.FALSE.equals(c.included());
        soft.assertThat(rows).as(described + " audit " + rows).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo(action.name());
            assertThat(row.get("outcome")).isIn(withheld ? Set.of("DENIED") : outcomes);
            assertThat(row.get("actor")).isEqualTo(username(role));
            assertThat(row.get("purpose")).isEqualTo(purpose);
        });
        if (!withheld) {
            soft.assertThat(rows).as(described + " audit " + rows).noneSatisfy(row ->
                    assertThat(row.get("outcome")).isEqualTo("DENIED"));
        }
        if (c.included() != null) {
            if (c.included()) {
                soft.assertThat(r.text()).as(described + ": the subject is included").contains(target.subject().id);
            } else {
                soft.assertThat(r.text()).as(described + ": the subject is left out")
                        .doesNotContain(target.subject().id);
            }
        }
        checkProjection(soft, template, action, purpose, c, target, call, r, described);
    }

    /** Field projection of a permitted call (see the class comment). */
    private void checkProjection(SoftAssertions soft, Template template, Action action, String purpose, Case c,
                                 Target target, Call call, ApiClient.Response r, String described) {
        Set<PersonalField> allowed = EnumSet.noneOf(PersonalField.class);
        allowed.addAll(definition(purpose).fields());
        if (action == Action.TRANSFER) {
            allowed.removeIf(field -> !AGREEMENT_FIELDS.contains(field.name()) || !TRANSFERABLE.contains(field));
        }
        Set<PersonalField> hidden = EnumSet.complementOf(EnumSet.copyOf(plus(allowed, PersonalField.BIOMETRICS)));
        String request = call.path() + (call.body() == null ? "" : ApiClient.JSON.writeValueAsString(call.body()));
        Fixtures f = fixtures();
        for (PersonalField field : hidden) {
            if (markers(f, Set.of(field), request).isEmpty()) {
                continue;
            }
            soft.assertThat(r.text()).as(described + ": " + field + " is not allowed")
                    .doesNotContain(markers(f, Set.of(field), request).toArray(String[]::new));
        }
        if (c.state() != ConsentState.GIVEN || target.fresh || template.shows().isEmpty()) {
            return;
        }
        for (PersonalField field : template.shows()) {
            if (!allowed.contains(field)) {
                continue;
            }
            List<String> expected = switch (field) {
                case DOCUMENTS -> List.of(target.subject().passport);
                case CONTACT -> List.of(target.subject().phone);
                default -> markers(f, Set.of(field), request);
            };
            soft.assertThat(r.text()).as(described + ": " + field + " is allowed and shown")
                    .contains(expected.toArray(String[]::new));
        }
    }

    private static String abbreviated(ApiClient.Response r) {
        String text = r.toString();
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }

    /** The distinctive values of the planted subjects for {@code fields}, not counting those the request named. */
    static List<String> markers(Fixtures f, Set<PersonalField> fields, String request) {
        List<String> m = new ArrayList<>();
        for (PersonalField field : fields) {
            switch (field) {
                case NAMES -> m.addAll(List.of("Zephyrine", "Quillfeather"));
                case BIRTH -> m.add("1933-11-27");
                case NATIONALITIES -> m.add("[\"TUV\"]");
                case DOCUMENTS -> f.people.values().forEach(p -> m.add(p.passport));
                case LOCATION -> m.add("ZZ01RT");
                case SPECIFIC_NEEDS -> m.add("[\"SURVIVOR_OF_TORTURE\"]");
                case CONTACT -> f.people.values().forEach(p -> m.add(p.phone));
                case HOUSEHOLD -> m.add(f.householdOfGiven);
                case CHANGE_HISTORY -> m.add(f.reason);
                case CASE_NOTES -> m.add(f.note);
                case REGISTRATION_METHOD -> m.add("\"registrationMethod\"");
                case SEX -> m.add("\"sex\"");
                case POPULATION_CATEGORY -> m.add("\"populationCategory\"");
                case BIOMETRICS -> {
                    // no textual value of its own: fingerprint images and templates are never sent as JSON text
                }
            }
        }
        return m.stream().filter(v -> !request.contains(v.replace("\"", "").replace("[", "").replace("]", ""))).toList();
    }
}
