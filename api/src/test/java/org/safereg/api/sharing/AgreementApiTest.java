package org.safereg.api.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.privacy.Role;
import tools.jackson.databind.JsonNode;

/**
 * The data protection officer's agreement administration over real HTTP and a real database: create, list,
 * read, revoke (audited with the recipient), every validation rule as problem+json, other roles and purposes
 * refused, and the rows protected against edits other than one revocation.
 */
class AgreementApiTest extends ApiIntegrationTest {

    /** A valid agreement body: ASSIST.CASH, NAMES + LOCATION + CONTACT, one year from now, not transborder. */
    static Map<String, Object> agreement(String recipient) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recipient", recipient);
        m.put("recipientName", "Cash Partner " + recipient);
        m.put("purposes", List.of("ASSIST.CASH"));
        m.put("fields", List.of("NAMES", "LOCATION", "CONTACT"));
        m.put("validFrom", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        m.put("validUntil", Instant.now().plus(365, ChronoUnit.DAYS).toString());
        m.put("legalBasis", "PUBLIC_INTEREST_MANDATE");
        m.put("signatory", "Head of Programme");
        return m;
    }

    static String uniqueRecipient(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    ApiClient dpo() {
        return as(Role.DATA_PROTECTION_OFFICER).purpose("ADMIN.AGREEMENTS");
    }

    static JsonNode assertProblem(ApiClient.Response r, int status, String slug) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("type").asString()).isEqualTo("urn:safereg:problem:" + slug);
        assertThat(r.text()).doesNotContain("Exception", "at org.", "SQL");
        return p;
    }

    @Test
    void dpoCreatesListsReadsAndRevokesAnAgreementEachAuditedWithTheRecipient() {
        String recipient = uniqueRecipient("WFP");
        Map<String, Object> body = agreement(recipient);
        body.put("destinationCountry", "KEN");

        ApiClient.Response created = dpo().post("/api/v1/agreements", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode a = created.json();
        String id = a.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/agreements/" + id);
        assertThat(a.get("recipient").asString()).isEqualTo(recipient);
        assertThat(a.get("purposes").toString()).isEqualTo("[\"ASSIST.CASH\"]");
        assertThat(a.get("fields").toString()).isEqualTo("[\"NAMES\",\"LOCATION\",\"CONTACT\"]");
        assertThat(a.get("transborder").asBoolean()).isTrue();
        assertThat(a.get("destinationCountry").asString()).isEqualTo("KEN");
        assertThat(a.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(a.get("createdBy").asString()).isEqualTo(username(Role.DATA_PROTECTION_OFFICER));

        JsonNode listed = dpo().get("/api/v1/agreements?recipient=" + recipient).json();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("id").asString()).isEqualTo(id);
        assertThat(dpo().get("/api/v1/agreements/" + id).json().get("signatory").asString())
                .isEqualTo("Head of Programme");

        ApiClient.Response revoked = dpo().post("/api/v1/agreements/" + id + "/revoke",
                Map.of("reason", "partner programme closed"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("state").asString()).isEqualTo("REVOKED");
        assertThat(revoked.json().get("revokedBy").asString()).isEqualTo(username(Role.DATA_PROTECTION_OFFICER));
        String revokedAt = revoked.json().get("revokedAt").asString();
        ApiClient.Response again = dpo().post("/api/v1/agreements/" + id + "/revoke", null);
        assertThat(again.json().get("revokedAt").asString()).isEqualTo(revokedAt);
        assertThat(again.json().get("revocationReason").asString()).isEqualTo("partner programme closed");

        assertThat(jdbc().sql("""
                        SELECT count(*) FROM audit_event WHERE action = 'AGREEMENT_MANAGE' AND recipient = ?
                        AND purpose = 'ADMIN.AGREEMENTS' AND outcome = 'SUCCESS' AND subject_pseudonym IS NULL""")
                .param(recipient).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void everyBrokenRuleIsAValidationProblemAndNothingIsStored() {
        long before = agreements();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipient", "not a code!");
        body.put("recipientName", "Partner");
        body.put("purposes", List.of("LAW_ENFORCEMENT", "AUDIT", "not-a-purpose"));
        body.put("fields", List.of("NAMES", "BIOMETRICS", "CASE_NOTES", "shoe size"));
        body.put("validFrom", "2020-01-01");
        body.put("validUntil", "2021-01-01");
        body.put("destinationCountry", "XXA");
        body.put("legalBasis", "BECAUSE");

        JsonNode p = assertProblem(dpo().post("/api/v1/agreements", body), 400, "validation");

        assertThat(paths(p)).containsExactly("recipient", "signatory", "purposes[2]", "fields[3]", "legalBasis");
        assertThat(p.toString()).doesNotContain("shoe size", "not a code!", "BECAUSE");

        Map<String, Object> wellFormed = agreement(uniqueRecipient("UNHCR"));
        wellFormed.put("purposes", List.of("LAW_ENFORCEMENT", "AUDIT", "PROT.CASE", "ASSIST.NFI"));
        wellFormed.put("fields", List.of("names", "BIOMETRICS", "CASE_NOTES", "CHANGE_HISTORY"));
        wellFormed.put("validFrom", "2020-01-01");
        wellFormed.put("validUntil", "2021-01-01");
        wellFormed.put("destinationCountry", "ken");
        JsonNode rules = assertProblem(dpo().post("/api/v1/agreements", wellFormed), 400, "validation");

        assertThat(paths(rules)).containsExactly("purposes", "purposes", "purposes", "fields", "fields", "fields",
                "validUntil", "destinationCountry");
        assertThat(rules.toString()).contains("LAW_ENFORCEMENT is a prohibited purpose",
                "PROT.CASE is not a purpose for which data may be disclosed to recipients",
                "BIOMETRICS may not be transferred under an agreement", "must be in the future");
        assertThat(agreements()).isEqualTo(before);
    }

    @Test
    void onlyTheDataProtectionOfficerUnderAdminAgreementsManagesAgreements() {
        Map<String, Object> body = agreement(uniqueRecipient("WFP"));
        assertProblem(as(Role.REGISTRATION_OFFICER).purpose("ADMIN.AGREEMENTS").post("/api/v1/agreements", body),
                403, "forbidden");
        assertProblem(as(Role.ADMIN).purpose("ADMIN.AGREEMENTS").get("/api/v1/agreements"), 403, "forbidden");
        assertProblem(as(Role.DATA_PROTECTION_OFFICER).purpose("AUDIT").post("/api/v1/agreements", body), 403,
                "action-not-covered");
        assertProblem(as(Role.DATA_PROTECTION_OFFICER).get("/api/v1/agreements"), 403, "no-purpose");
        assertProblem(dpo().get("/api/v1/agreements/" + UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void storedAgreementsCanOnlyBeRevokedOnceNeverEditedOrDeleted() {
        String id = dpo().post("/api/v1/agreements", agreement(uniqueRecipient("IOM"))).json().get("id").asString();
        UUID uuid = UUID.fromString(id);

        assertThatThrownBy(() -> jdbc().sql("UPDATE sharing_agreement SET fields = '{NAMES,CONTACT,DOCUMENTS}' WHERE id = ?")
                .param(uuid).update()).rootCause().hasMessageContaining("an agreement can only be revoked, once");
        assertThatThrownBy(() -> jdbc().sql("DELETE FROM sharing_agreement WHERE id = ?").param(uuid).update())
                .rootCause().hasMessageContaining("an agreement can only be revoked, once");
        dpo().post("/api/v1/agreements/" + id + "/revoke", null);
        assertThatThrownBy(() -> jdbc().sql("UPDATE sharing_agreement SET revoked_at = NULL, revoked_by = NULL WHERE id = ?")
                .param(uuid).update()).rootCause().hasMessageContaining("an agreement can only be revoked, once");
    }

    private long agreements() {
        return jdbc().sql("SELECT count(*) FROM sharing_agreement").query(Long.class).single();
    }

    private static List<String> paths(JsonNode problem) {
        List<String> paths = new java.util.ArrayList<>();
        problem.get("errors").forEach(e -> paths.add(e.get("field").asString()));
        return paths;
    }
}
