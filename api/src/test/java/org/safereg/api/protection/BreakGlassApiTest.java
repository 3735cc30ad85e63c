package org.safereg.api.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.api.support.AdjustableClock;
import org.safereg.api.support.AdjustableClockConfiguration;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PseudonymDomain;
import org.safereg.privacy.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Break-glass over real HTTP and the real database, on an application whose clock the test moves: request by one
 * protection officer, approval by a second (never the requester, never a role not allowed for the purpose), access
 * without consent while the grant runs (audited), none after it ends, and the data protection officer's review.
 */
@Import(AdjustableClockConfiguration.class)
class BreakGlassApiTest extends ApiIntegrationTest {
    private static final String SECOND_OFFICER = ProtectionFixtures.SECOND_OFFICER;
    private static final String PROBLEM = "urn:safereg:problem:";

    @Autowired
    private AdjustableClock clock;

    @BeforeEach
    void secondProtectionOfficer() {
        ProtectionFixtures.createSecondOfficer(accounts, password(SECOND_OFFICER));
    }

    private ApiClient requester() {
        return as(Role.PROTECTION_OFFICER);
    }

    private ApiClient approver() {
        return api().as(SECOND_OFFICER, password(SECOND_OFFICER));
    }

    private String unconsentedSubject() {
        return ProtectionFixtures.unconsented(ProtectionFixtures.registrar(api()));
    }

    private ApiClient.Response request(String purpose, String subject, String reason) {
        return requester().purpose(purpose).post("/api/v1/break-glass", Map.of("subjectId", subject, "reason", reason));
    }

    private String requested(String purpose, String subject) {
        ApiClient.Response r = request(purpose, subject, "Reported missing after the flood; family at risk");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("PENDING");
        return r.json().get("id").asString();
    }

    private String approved(String purpose, String subject) {
        String id = requested(purpose, subject);
        ApiClient.Response r = approver().purpose(purpose).post("/api/v1/break-glass/" + id + "/approve", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return id;
    }

    private List<Map<String, Object>> audit(ApiClient.Response r) {
        return jdbc().sql("SELECT actor, role, purpose, action, outcome, subject_pseudonym FROM audit_event"
                + " WHERE request_id = ? ORDER BY seq").param(r.header("X-Request-Id")).query().listOfRows();
    }

    private byte[] pseudonym(String subject) {
        return core.pseudonymizer().of(PseudonymDomain.AUDIT, new SubjectId(UUID.fromString(subject))).value();
    }

    @Test
    void anApprovedGrantOpensTheRecordWithoutConsentUntilItExpires() {
        String subject = unconsentedSubject();
        ApiClient.Response before = requester().purpose("PROT.CASE").get("/api/v1/individuals/" + subject);
        assertThat(before.status()).as(before.toString()).isEqualTo(403);
        assertThat(before.json().get("type").asString()).isEqualTo(PROBLEM + "no-consent");

        String id = requested("PROT.CASE", subject);
        assertThat(requester().purpose("PROT.CASE").get("/api/v1/individuals/" + subject).status())
                .as("a pending request grants nothing").isEqualTo(403);
        ApiClient.Response approval = approver().purpose("PROT.CASE").post("/api/v1/break-glass/" + id + "/approve",
                null);
        assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
        JsonNode grant = approval.json();
        assertThat(grant.get("status").asString()).isEqualTo("APPROVED");
        assertThat(grant.get("decidedBy").asString()).isEqualTo(SECOND_OFFICER);
        assertThat(Duration.between(Instant.parse(grant.get("decidedAt").asString()),
                Instant.parse(grant.get("expiresAt").asString()))).isEqualTo(Duration.ofHours(24));
        assertThat(audit(approval)).singleElement().satisfies(row -> {
            assertThat(row.get("action")).isEqualTo("BREAK_GLASS_APPROVE");
            assertThat(row.get("actor")).isEqualTo(SECOND_OFFICER);
            assertThat((byte[]) row.get("subject_pseudonym")).isEqualTo(pseudonym(subject));
        });

        ApiClient.Response during = requester().purpose("PROT.CASE").get("/api/v1/individuals/" + subject);
        assertThat(during.status()).as(during.toString()).isEqualTo(200);
        assertThat(during.json().get("details").has("names")).isTrue();
        assertThat(during.json().get("details").has("biometrics")).isFalse();
        assertThat(audit(during)).singleElement().satisfies(row -> {
            assertThat(row.get("action")).isEqualTo("READ");
            assertThat(row.get("purpose")).isEqualTo("PROT.CASE");
            assertThat(row.get("outcome")).isEqualTo("SUCCESS");
            assertThat((byte[]) row.get("subject_pseudonym")).isEqualTo(pseudonym(subject));
        });
        long readSeq = jdbc().sql("SELECT seq FROM audit_event WHERE request_id = ?")
                .param(during.header("X-Request-Id")).query(Long.class).single();
        assertThat(jdbc().sql("SELECT grant_id FROM break_glass_access WHERE audit_seq = ?").param(readSeq)
                .query(UUID.class).single()).as("the access is audited with the grant").isEqualTo(UUID.fromString(id));
        JsonNode review = as(Role.DATA_PROTECTION_OFFICER).purpose("AUDIT").get("/api/v1/break-glass/reviews").json()
                .get("items").valueStream().filter(i -> i.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(review.get("accesses").valueStream().map(a -> a.get("auditSequence").asLong()).toList())
                .containsExactly(readSeq);
        assertThat(approver().purpose("PROT.CASE").get("/api/v1/individuals/" + subject).status())
                .as("the grant is the requester's only").isEqualTo(403);
        assertThat(requester().purpose("PROT.FAMILY_TRACING").get("/api/v1/individuals/" + subject).status())
                .as("and for its purpose only").isEqualTo(403);

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        ApiClient.Response after = requester().purpose("PROT.CASE").get("/api/v1/individuals/" + subject);
        assertThat(after.status()).as(after.toString()).isEqualTo(403);
        assertThat(after.json().get("type").asString()).isEqualTo(PROBLEM + "no-consent");
        assertThat(audit(after)).singleElement().satisfies(row -> assertThat(row.get("outcome")).isEqualTo("DENIED"));
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        String id = requested("PROT.CASE", unconsentedSubject());
        for (String step : List.of("approve", "reject")) {
            ApiClient.Response r = requester().purpose("PROT.CASE").post("/api/v1/break-glass/" + id + "/" + step,
                    null);
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(r.json().get("type").asString()).isEqualTo(PROBLEM + "break-glass-self-approval");
            assertThat(audit(r)).singleElement().satisfies(row -> {
                assertThat(row.get("action")).isEqualTo("BREAK_GLASS_APPROVE");
                assertThat(row.get("outcome")).isEqualTo("FAILED");
            });
        }
        assertThat(jdbc().sql("SELECT status FROM break_glass_request WHERE id = ?").param(UUID.fromString(id))
                .query(String.class).single()).isEqualTo("PENDING");
        // other tests of this JVM may leave pending requests of other officers: only this one must not be listed
        assertThat(requester().purpose("PROT.CASE").get("/api/v1/break-glass/pending").json().get("items")
                .findValuesAsString("id")).as("the requester does not see their own request to decide")
                .doesNotContain(id);
    }

    @Test
    void onlyASecondUserWithARoleAllowedForThePurposeDecides() {
        String id = requested("PROT.FAMILY_TRACING", unconsentedSubject());
        String path = "/api/v1/break-glass/" + id + "/approve";
        ApiClient.Response registrar = as(Role.REGISTRATION_OFFICER).purpose("PROT.FAMILY_TRACING").post(path, null);
        assertThat(registrar.status()).isEqualTo(403);
        assertThat(registrar.json().get("type").asString()).isEqualTo(PROBLEM + "purpose-not-allowed");
        ApiClient.Response dpo = as(Role.DATA_PROTECTION_OFFICER).purpose("AUDIT").post(path, null);
        assertThat(dpo.status()).isEqualTo(403);
        assertThat(dpo.json().get("type").asString()).isEqualTo(PROBLEM + "action-not-covered");
        assertThat(audit(dpo)).singleElement().satisfies(row -> assertThat(row.get("outcome")).isEqualTo("DENIED"));
        ApiClient.Response otherPurpose = approver().purpose("PROT.CASE").post(path, null);
        assertThat(otherPurpose.status()).isEqualTo(409);
        assertThat(otherPurpose.json().get("type").asString()).isEqualTo(PROBLEM + "break-glass-purpose-mismatch");
        ApiClient.Response prohibited = approver().purpose("LAW_ENFORCEMENT").post(path, null);
        assertThat(prohibited.json().get("type").asString()).isEqualTo(PROBLEM + "prohibited-purpose");

        ApiClient.Response rejected = approver().purpose("PROT.FAMILY_TRACING").post("/api/v1/break-glass/" + id
                + "/reject", null);
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().has("expiresAt")).isFalse();
        ApiClient.Response again = approver().purpose("PROT.FAMILY_TRACING").post(path, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo(PROBLEM + "break-glass-not-pending");
    }

    @Test
    void onlyPurposesThatAllowBreakGlassCanBeRequestedAndTheReasonIsEncrypted() {
        String subject = unconsentedSubject();
        ApiClient.Response resettlement = request("SOLUTIONS.RESETTLEMENT", subject, "urgent");
        assertThat(resettlement.status()).isEqualTo(403);
        assertThat(resettlement.json().get("type").asString()).isEqualTo(PROBLEM + "action-not-covered");
        assertThat(as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL").post("/api/v1/break-glass",
                Map.of("subjectId", subject, "reason", "urgent")).status()).isEqualTo(403);
        ApiClient.Response tooLong = request("PROT.CASE", subject, "x".repeat(501));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text()).doesNotContain("xxxx");
        assertThat(request("PROT.CASE", subject, "   ").status()).isEqualTo(400);
        assertThat(request("PROT.CASE", UUID.randomUUID().toString(), "urgent").status()).isEqualTo(404);

        String reason = "Survivor of violence sheltering at the clinic, needs urgent referral";
        ApiClient.Response created = request("PROT.CASE", subject, reason);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text()).doesNotContain("Survivor");
        byte[] stored = jdbc().sql("SELECT reason FROM break_glass_request WHERE id = ?")
                .param(UUID.fromString(created.json().get("id").asString())).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Survivor", "clinic");
        assertThat(stored.length % 16).as("padded like the other encrypted columns").isEqualTo(13);
        assertThat(audit(created)).singleElement().satisfies(row -> {
            assertThat(row.get("action")).isEqualTo("BREAK_GLASS_REQUEST");
            assertThat((byte[]) row.get("subject_pseudonym")).isEqualTo(pseudonym(subject));
        });

        JsonNode pending = approver().purpose("PROT.CASE").get("/api/v1/break-glass/pending").json().get("items");
        assertThat(pending.findValuesAsString("reason")).contains(reason);
        assertThat(approver().purpose("PROT.FAMILY_TRACING").get("/api/v1/break-glass/pending").json().get("items")
                .findValuesAsString("id")).doesNotContain(created.json().get("id").asString());
    }

    @Test
    void theDataProtectionOfficerReviewsEveryGrant() {
        String subject = unconsentedSubject();
        String id = approved("PROT.CASE_NOTES", subject);
        String rejected = requested("PROT.CASE", subject);
        approver().purpose("PROT.CASE").post("/api/v1/break-glass/" + rejected + "/reject", null);
        ApiClient dpo = as(Role.DATA_PROTECTION_OFFICER).purpose("AUDIT");

        ApiClient.Response listing = dpo.get("/api/v1/break-glass/reviews");
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        List<String> ids = listing.json().get("items").findValuesAsString("id");
        assertThat(ids).contains(id).doesNotContain(rejected);
        JsonNode item = listing.json().get("items").get(ids.indexOf(id));
        assertThat(item.get("requestedBy").asString()).isEqualTo(username(Role.PROTECTION_OFFICER));
        assertThat(item.get("decidedBy").asString()).isEqualTo(SECOND_OFFICER);
        assertThat(item.get("purpose").asString()).isEqualTo("PROT.CASE_NOTES");
        assertThat(item.get("reason").asString()).startsWith("Reported missing");
        assertThat(audit(listing)).extracting(row -> row.get("action")).containsOnly("BREAK_GLASS_REVIEW");

        assertThat(requester().purpose("PROT.CASE").get("/api/v1/break-glass/reviews").status()).isEqualTo(403);
        ApiClient.Response notApproved = dpo.post("/api/v1/break-glass/" + rejected + "/review",
                Map.of("outcome", "JUSTIFIED"));
        assertThat(notApproved.json().get("type").asString()).isEqualTo(PROBLEM + "break-glass-not-approved");

        ApiClient.Response review = dpo.post("/api/v1/break-glass/" + id + "/review",
                Map.of("outcome", "NOT_JUSTIFIED", "note", "Follow up with the team lead"));
        assertThat(review.status()).as(review.toString()).isEqualTo(200);
        assertThat(review.json().get("review").get("outcome").asString()).isEqualTo("NOT_JUSTIFIED");
        assertThat(review.json().get("review").get("reviewedBy").asString())
                .isEqualTo(username(Role.DATA_PROTECTION_OFFICER));
        byte[] note = jdbc().sql("SELECT review_note FROM break_glass_request WHERE id = ?")
                .param(UUID.fromString(id)).query(byte[].class).single();
        assertThat(new String(note, StandardCharsets.ISO_8859_1)).doesNotContain("team lead");
        assertThat(dpo.get("/api/v1/break-glass/reviews").json().get("items").findValuesAsString("id"))
                .doesNotContain(id);
        ApiClient.Response twice = dpo.post("/api/v1/break-glass/" + id + "/review", Map.of("outcome", "JUSTIFIED"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).isEqualTo(PROBLEM + "break-glass-already-reviewed");
    }
}
