package org.safereg.api.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.registration.testing.TestConsents.answer;
import static org.safereg.registration.testing.TestConsents.biometric;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.api.support.Samples;
import org.safereg.keys.DataCategory;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.Role;
import org.safereg.privacy.consent.ConsentStatus;
import org.safereg.privacy.consent.PurposeConsent;
import org.safereg.registration.testing.BiometricSamples;
import org.safereg.registration.testing.TestConsents;
import tools.jackson.databind.JsonNode;

/**
 * Consent over real HTTP: enrolment carries it, reads follow its state per purpose (given, refused, withdrawn,
 * expired, none) with a problem type per denial reason, responses are projected to the purpose's fields, the
 * consent routes record, withdraw and list, and biometric capture needs explicit consent.
 */
class ConsentApiTest extends ApiIntegrationTest {

    private static void assertProblem(ApiClient.Response r, int status, String slug) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.json().get("type").asString()).as(r.toString()).isEqualTo("urn:safereg:problem:" + slug);
    }

    private ApiClient registrar() {
        return as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL");
    }

    private ApiClient cash() {
        return as(Role.REGISTRATION_OFFICER).purpose("ASSIST.CASH");
    }

    private String enrolWith(Map<String, Object> consent) {
        ApiClient.Response r = registrar().post("/api/v1/individuals",
                Samples.enrolment(Samples.individual("Hawa", "Consent", Samples.passport()), consent));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static Map<String, Object> consent(String validUntil, PurposeConsent... answers) {
        return TestConsents.json(List.of(answers), validUntil);
    }

    @Test
    void readsFollowTheConsentStateWithAProblemTypePerReason() {
        String id = enrolWith(Samples.consent());
        String path = "/api/v1/individuals/" + id;
        assertThat(cash().get(path).status()).isEqualTo(200);

        ApiClient.Response withdrawn = registrar().post(path + "/consents/withdrawals", Map.of("purpose", "ASSIST.CASH"));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(201);
        assertThat(withdrawn.json().get("purpose").asString()).isEqualTo("ASSIST.CASH");
        assertProblem(cash().get(path), 403, "consent-withdrawn");
        assertThat(registrar().get(path).status()).isEqualTo(200);

        ApiClient.Response refused = registrar().post(path + "/consents",
                consent(null, answer("ASSIST.CASH", LegalBasis.CONSENT, ConsentStatus.REFUSED)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(201);
        assertProblem(cash().get(path), 403, "no-consent");

        registrar().post(path + "/consents", consent(Instant.now().plusSeconds(3600).toString(),
                answer("ASSIST.CASH", LegalBasis.CONSENT, ConsentStatus.GIVEN)));
        assertThat(cash().get(path).status()).isEqualTo(200);

        registrar().post(path + "/consents", consent(Instant.now().minusSeconds(1).toString(),
                answer("ASSIST.CASH", LegalBasis.CONSENT, ConsentStatus.GIVEN)));
        assertProblem(cash().get(path), 403, "consent-expired");

        // search leaves the person out instead of failing
        JsonNode found = cash().post("/api/v1/individuals/search",
                Map.of("fullName", "Hawa Consent", "dateOfBirth", "1990-04-12")).json();
        assertThat(found.get("items").valueStream().map(i -> i.get("id").asString()).toList()).doesNotContain(id);

        // nothing to withdraw (never answered): 400
        assertProblem(registrar().post(path + "/consents/withdrawals", Map.of("purpose", "STATS.OPS")), 400,
                "validation");

        // no answer at all for a purpose: no-consent
        String enrolOnly = enrolWith(consent(null, answer("REG.ENROL", LegalBasis.CONSENT, ConsentStatus.GIVEN)));
        assertProblem(cash().get("/api/v1/individuals/" + enrolOnly), 403, "no-consent");
        assertProblem(as(Role.PROTECTION_OFFICER).purpose("PROT.CASE").get("/api/v1/individuals/" + enrolOnly), 403,
                "no-consent");
    }

    @Test
    void enrolmentNeedsConsentWithAValidBasisForRegEnrol() {
        String passport = Samples.passport();
        Map<String, Object> person = Samples.individual("Nasra", "Refused", passport);
        assertProblem(registrar().post("/api/v1/individuals", Samples.enrolment(person,
                consent(null, answer("REG.ENROL", LegalBasis.CONSENT, ConsentStatus.REFUSED)))), 403, "no-consent");
        assertProblem(registrar().post("/api/v1/individuals", Samples.enrolment(person,
                consent(Instant.now().minusSeconds(60).toString(),
                        answer("REG.ENROL", LegalBasis.CONSENT, ConsentStatus.GIVEN)))), 403, "consent-expired");
        Map<String, Object> noConsent = new LinkedHashMap<>();
        noConsent.put("details", person);
        assertProblem(registrar().post("/api/v1/individuals", noConsent), 400, "validation");
        Map<String, Object> badHash = consent(null, answer("REG.ENROL", LegalBasis.CONSENT, ConsentStatus.GIVEN));
        badHash.put("notice", Map.of("id", "N", "version", "1", "sha256", "not-hex"));
        assertProblem(registrar().post("/api/v1/individuals", Samples.enrolment(person, badHash)), 400, "validation");
        // nothing was written for the refused requests
        assertThat(registrar().post("/api/v1/individuals/search", Map.of("documentNumber", passport)).json()
                .get("items").size()).isZero();
    }

    @Test
    void aConsentDeclaringVitalInterestOrAnUnknownOrProhibitedPurposeIsAValidationProblem() {
        String id = enrolWith(Samples.consent());
        for (Map<String, String> answer : List.of(
                Map.of("purpose", "PROT.FAMILY_TRACING", "basis", "VITAL_INTEREST"),
                Map.of("purpose", "ASSIST.CASH", "basis", "VITAL_INTEREST"),
                Map.of("purpose", "ASSIST.FOOD", "basis", "CONSENT"),
                Map.of("purpose", "MILITARY", "basis", "CONSENT"))) {
            Map<String, Object> body = consent(null, answer("REG.ENROL", LegalBasis.CONSENT, ConsentStatus.GIVEN));
            Map<String, Object> purpose = new LinkedHashMap<>(answer);
            purpose.put("categories", List.of("DEMOGRAPHIC"));
            purpose.put("status", "GIVEN");
            body.put("purposes", List.of(((List<?>) body.get("purposes")).get(0), purpose));
            String passport = Samples.passport();
            assertProblem(registrar().post("/api/v1/individuals/" + id + "/consents", body), 400, "validation");
            assertProblem(registrar().post("/api/v1/individuals", Samples.enrolment(
                    Samples.individual("Vital", "Declared", passport), body)), 400, "validation");
            assertThat(registrar().post("/api/v1/individuals/search", Map.of("documentNumber", passport)).json()
                    .get("items").size()).as("nothing enrolled for %s", answer).isZero();
        }
        // the person's standing is unchanged: one record, no vital interest anywhere
        JsonNode history = registrar().get("/api/v1/individuals/" + id + "/consents").json();
        assertThat(history.get("records").size()).isEqualTo(1);
        assertThat(history.toString()).doesNotContain("VITAL_INTEREST");
        // a protection officer has no basis for family tracing from such a declaration
        assertProblem(as(Role.PROTECTION_OFFICER).purpose("PROT.FAMILY_TRACING").get("/api/v1/individuals/"
                + enrolWith(consent(null, answer("REG.ENROL", LegalBasis.CONSENT, ConsentStatus.GIVEN)))), 403,
                "no-consent");
    }

    @Test
    void responsesAreProjectedToThePurposesFields() {
        String id = enrolWith(Samples.consent());
        JsonNode full = registrar().get("/api/v1/individuals/" + id).json().get("details");
        assertThat(full.has("documents")).isTrue();
        assertThat(full.has("specificNeeds")).isTrue();

        JsonNode cashView = cash().get("/api/v1/individuals/" + id).json();
        JsonNode details = cashView.get("details");
        assertThat(details.has("names")).isTrue();
        assertThat(details.has("location")).isTrue();
        assertThat(details.has("contact")).isTrue();
        assertThat(details.has("sex")).isTrue();
        assertThat(details.has("birth")).isTrue();
        for (String hidden : List.of("documents", "specificNeeds", "nationalities", "populationCategory",
                "registrationMethod", "biometrics", "caseNotes")) {
            assertThat(details.has(hidden)).as(hidden).isFalse();
        }
        assertThat(cashView.get("current").has("reason")).isFalse();
        assertThat(cashView.get("current").has("changedBy")).isFalse();

        // a district of its own, so the list holds only this test's people
        String district = "ZZ01P" + Long.toString(System.nanoTime() % 100000);
        assertThat(as(Role.REGISTRATION_OFFICER).post("/api/v1/locations", Map.of("pcode", district, "level", 2,
                "parentPcode", "ZZ01", "name", "Projection district")).status()).isEqualTo(201);
        Map<String, Object> there = Samples.individual("Listed", "Projection", Samples.passport());
        there.put("location", Map.of("adminPcode", district));
        assertThat(registrar().post("/api/v1/individuals", Samples.enrolment(there)).status()).isEqualTo(201);
        ApiClient.Response list = cash().get("/api/v1/locations/" + district + "/individuals?page=0&size=10");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        JsonNode listed = list.json().get("items");
        assertThat(listed.size()).isEqualTo(1);
        listed.valueStream().forEach(item -> {
            assertThat(item.get("details").has("names")).isTrue();
            assertThat(item.get("details").has("documents")).isFalse();
            assertThat(item.get("details").has("specificNeeds")).isFalse();
        });
        JsonNode verify = as(Role.REGISTRATION_OFFICER).purpose("REG.VERIFY").get("/api/v1/individuals/" + id).json()
                .get("details");
        assertThat(verify.has("documents")).isTrue();
        assertThat(verify.has("contact")).isFalse();
    }

    @Test
    void consentHistoryAndReconsentDue() {
        String id = enrolWith(Samples.consent());
        Map<String, Object> child = consent(null, answer("PROT.CASE", LegalBasis.CONSENT, ConsentStatus.GIVEN));
        child.put("givenBy", "PARENT_OR_GUARDIAN");
        child.put("proxyReference", "mother, passport on file");
        child.put("childAssent", true);
        child.put("reconsentAtMajority", "2034-06-17");
        assertThat(registrar().post("/api/v1/individuals/" + id + "/consents", child).status()).isEqualTo(201);
        registrar().post("/api/v1/individuals/" + id + "/consents/withdrawals", Map.of("purpose", "ASSIST.NFI"));

        JsonNode history = registrar().get("/api/v1/individuals/" + id + "/consents").json();
        assertThat(history.get("records").size()).isEqualTo(2);
        JsonNode second = history.get("records").get(1);
        assertThat(second.get("givenBy").asString()).isEqualTo("PARENT_OR_GUARDIAN");
        assertThat(second.get("notice").get("sha256").asString()).hasSize(64);
        assertThat(second.get("collectedBy").asString()).isEqualTo(username(Role.REGISTRATION_OFFICER));
        assertThat(history.get("withdrawals").get(0).get("purpose").asString()).isEqualTo("ASSIST.NFI");
        assertThat(as(Role.DATA_PROTECTION_OFFICER).purpose("SUBJECT_REQUEST")
                .get("/api/v1/individuals/" + id + "/consents").status()).isEqualTo(200);
        assertProblem(cash().get("/api/v1/individuals/" + id + "/consents"), 403, "action-not-covered");

        // the re-consent listing: the DPO under SUBJECT_REQUEST only, ids and due month only (never the exact date)
        ApiClient.Response due = as(Role.DATA_PROTECTION_OFFICER).purpose("SUBJECT_REQUEST")
                .get("/api/v1/consents/reconsent-due?dueBy=2034-06");
        assertThat(due.status()).as(due.toString()).isEqualTo(200);
        JsonNode listed = due.json().valueStream().filter(d -> d.get("subject").asString().equals(id)).findFirst()
                .orElseThrow();
        assertThat(listed.propertyNames()).containsExactly("subject", "dueMonth");
        assertThat(listed.get("dueMonth").asString()).isEqualTo("2034-06");
        assertThat(due.text()).doesNotContain("2034-06-17");
        assertThat(as(Role.DATA_PROTECTION_OFFICER).purpose("SUBJECT_REQUEST")
                .get("/api/v1/consents/reconsent-due?dueBy=2034-05").text()).doesNotContain(id);
        assertProblem(registrar().get("/api/v1/consents/reconsent-due?dueBy=2034-06"), 403, "action-not-covered");
        // every consent change is audited
        assertThat(jdbc().sql("SELECT count(*) FROM audit_event WHERE action IN ('CONSENT_RECORD', 'CONSENT_WITHDRAW')"
                + " AND outcome = 'SUCCESS'").query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void biometricCaptureWithoutExplicitConsentIsRefused() {
        PurposeConsent plainConsent = new PurposeConsent(PurposeCode.of("REG.ENROL"), LegalBasis.CONSENT,
                Set.of(DataCategory.DEMOGRAPHIC, DataCategory.BIOMETRIC), Set.of(), Optional.empty(), ConsentStatus.GIVEN);
        Map<String, Object> body = new LinkedHashMap<>(Samples.biometricEnrolment("NoExplicit",
                BiometricSamples.syntheticPair(811, 0)));
        body.put("consent", consent(null, plainConsent));
        assertProblem(registrar().post("/api/v1/biometrics/enrolments", body), 403, "no-consent");

        body.put("consent", consent(null, biometric("REG.ENROL", LegalBasis.EXPLICIT_CONSENT)));
        ApiClient.Response accepted = registrar().post("/api/v1/biometrics/enrolments", body);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    }
}
