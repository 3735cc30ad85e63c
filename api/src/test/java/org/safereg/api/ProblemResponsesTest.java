package org.safereg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.api.support.Samples;
import org.safereg.privacy.Role;
import tools.jackson.databind.JsonNode;

/**
 * Every error family answers RFC 9457 application/problem+json with a stable type, the request id, and
 * nothing from the request or from an exception: authentication, authorisation, purpose denials, routing
 * (404/405/406/415), unreadable bodies (malformed JSON, invalid UTF-8), size limit (declared and chunked),
 * validation, conflicts, erasure, and the key provider being down (fail closed, nothing written).
 */
public class ProblemResponsesTest extends ApiIntegrationTest {

    public static JsonNode assertProblem(ApiClient.Response r, int status, String slug) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("type").asString()).isEqualTo("urn:safereg:problem:" + slug);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asString()).isNotBlank();
        assertThat(p.get("detail").asString()).isNotBlank();
        String requestId = r.header("X-Request-Id");
        assertThat(requestId).isNotBlank();
        assertThat(p.get("requestId").asString()).isEqualTo(requestId);
        assertThat(p.get("instance").asString()).isEqualTo("urn:safereg:request:" + requestId);
        assertThat(r.text()).doesNotContain("Exception", "at org.", "at java.", "SQL", "jackson", "tomcat");
        return p;
    }

    @Test
    void unauthenticatedWithoutCredentialsWrongPasswordOrUnknownUser() {
        ApiClient.Response none = api().get("/api/v1/account");
        assertProblem(none, 401, "unauthenticated");
        assertThat(none.header("WWW-Authenticate")).startsWith("Basic");
        assertProblem(api().as(username(Role.REGISTRATION_OFFICER), "wrong-password-123").get("/api/v1/account"),
                401, "unauthenticated");
        assertProblem(api().as("nobody", "whatever-password").get("/api/v1/account"), 401, "unauthenticated");
        assertProblem(api().get("/api/v1/no-such-route"), 401, "unauthenticated");
    }

    @Test
    void forbiddenRouteForRole() {
        assertProblem(as(Role.STATISTICIAN).get("/api/v1/admin/users"), 403, "forbidden");
        assertProblem(as(Role.REGISTRATION_OFFICER).get("/actuator/metrics"), 403, "forbidden");
    }

    @Test
    void purposeDenialsUseTheDenialReasonSlugs() {
        ApiClient ro = as(Role.REGISTRATION_OFFICER);
        Map<String, Object> person = Samples.individual("Nadia", "Omar", Samples.passport());
        assertProblem(ro.post("/api/v1/individuals", Samples.enrolment(person)), 403, "no-purpose");
        assertProblem(ro.purpose("reg enrol").post("/api/v1/individuals", Samples.enrolment(person)), 403, "invalid-purpose");
        assertProblem(ro.purpose("NO.SUCH_PURPOSE").post("/api/v1/individuals", Samples.enrolment(person)), 403, "invalid-purpose");
        assertProblem(ro.purpose("LAW_ENFORCEMENT").post("/api/v1/individuals", Samples.enrolment(person)), 403, "prohibited-purpose");
        assertProblem(ro.purpose("PROT.CASE").post("/api/v1/individuals", Samples.enrolment(person)), 403, "purpose-not-allowed");
        assertProblem(ro.purpose("REG.VERIFY").post("/api/v1/individuals", Samples.enrolment(person)), 403, "action-not-covered");
    }

    @Test
    void severalDeclaredPurposesAreRefusedAndAuditedNeverProcessed() {
        String id = enrol(Samples.individual("Sahra", "Nur", Samples.passport()));
        ApiClient po = as(Role.PROTECTION_OFFICER);
        // two X-Purpose headers, the first allowed: before the fix the first silently won (200)
        ApiClient.Response twoHeaders = ApiClient.send(HttpRequest.newBuilder(
                        URI.create(po.base() + "/api/v1/individuals/" + id))
                .header("Authorization", po.authorization())
                .header("X-Request-Id", "two-purposes-1")
                .header("X-Purpose", "PROT.CASE").header("X-Purpose", "LAW_ENFORCEMENT").GET().build());
        assertProblem(twoHeaders, 403, "invalid-purpose");
        assertThat(twoHeaders.text()).doesNotContain("Sahra");
        ApiClient.Response sameTwice = ApiClient.send(HttpRequest.newBuilder(
                        URI.create(po.base() + "/api/v1/individuals/" + id))
                .header("Authorization", po.authorization())
                .header("X-Request-Id", "two-purposes-2")
                .header("X-Purpose", "PROT.CASE").header("X-Purpose", "PROT.CASE").GET().build());
        assertProblem(sameTwice, 403, "invalid-purpose");
        assertProblem(po.header("X-Request-Id", "two-purposes-3").purpose("PROT.CASE, REG.VERIFY")
                .get("/api/v1/individuals/" + id), 403, "invalid-purpose");
        for (String requestId : List.of("two-purposes-1", "two-purposes-2", "two-purposes-3")) {
            assertThat(jdbc().sql("SELECT outcome || ' ' || purpose || ' ' || action FROM audit_event WHERE request_id = ?")
                    .param(requestId).query(String.class).list()).as(requestId).containsExactly("DENIED <invalid> READ");
        }
        assertThat(po.purpose("PROT.CASE").get("/api/v1/individuals/" + id).status()).isEqualTo(200);
    }

    @Test
    void routingErrors() {
        ApiClient admin = as(Role.ADMIN);
        assertProblem(admin.get("/api/v1/no-such-route"), 404, "not-found");
        ApiClient.Response notAllowed = admin.delete("/api/v1/account");
        assertProblem(notAllowed, 405, "method-not-allowed");
        assertThat(notAllowed.header("Allow")).contains("GET");
        assertProblem(admin.header("Accept", "application/xml").get("/api/v1/account"), 406, "not-acceptable");
        assertProblem(admin.send("POST", "/api/v1/admin/users", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)),
                415, "unsupported-media-type");
        assertProblem(as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL").get("/api/v1/individuals/" + UUID.randomUUID()),
                404, "not-found");
        assertProblem(admin.get("/api/v1/account%2F..%2Fadmin"), 400, "malformed-request");
    }

    @Test
    void unreadableBodies() {
        ApiClient ro = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL");
        assertProblem(ro.send("POST", "/api/v1/individuals", "application/json",
                "{\"names\": {\"givenName\": ".getBytes(StandardCharsets.UTF_8)), 400, "malformed-request");
        byte[] invalidUtf8 = {'{', '"', 'r', 'e', 'g', 'i', 's', 't', 'r', 'a', 't', 'i', 'o', 'n', 'M', 'e', 't', 'h',
                'o', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertProblem(ro.send("POST", "/api/v1/individuals", "application/json", invalidUtf8), 400, "malformed-request");
        assertProblem(ro.send("POST", "/api/v1/individuals", "application/json", new byte[0]), 400, "malformed-request");
    }

    @Test
    void bodiesDeclaredInAnotherCharsetThanUtf8Are415() {
        ApiClient ro = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL");
        String passport = Samples.passport();
        byte[] latin1 = ApiClient.JSON.writeValueAsString(Samples.enrolment(Samples.individual("Zoë", "Müller", passport)))
                .getBytes(StandardCharsets.ISO_8859_1);
        JsonNode latin = assertProblem(ro.send("POST", "/api/v1/individuals", "application/json; charset=ISO-8859-1",
                latin1), 415, "unsupported-media-type");
        assertThat(latin.get("detail").asString()).contains("UTF-8");
        assertProblem(ro.send("POST", "/api/v1/individuals", "application/json;charset=utf-16",
                "{}".getBytes(StandardCharsets.UTF_16)), 415, "unsupported-media-type");
        assertProblem(ro.send("POST", "/api/v1/individuals", "application/json; charset=x-no-such-charset",
                "{}".getBytes(StandardCharsets.UTF_8)), 415, "unsupported-media-type");
        assertProblem(api().send("POST", "/api/v1/individuals", "application/json; charset=windows-1252",
                latin1), 415, "unsupported-media-type");
        assertThat(ro.post("/api/v1/individuals/search", Map.of("documentNumber", passport)).json().get("items"))
                .as("nothing was enrolled").isEmpty();

        byte[] utf8 = ApiClient.JSON.writeValueAsString(Samples.enrolment(Samples.individual("Zoë", "Müller", Samples.passport())))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ro.send("POST", "/api/v1/individuals", "application/json; charset=UTF-8", utf8).status())
                .isEqualTo(201);
    }

    @Test
    void oversizedBodiesAre413BeforeAuthenticationAndWhenChunked() {
        byte[] big = new byte[MAX_BODY + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertProblem(api().send("POST", "/api/v1/individuals", "application/json", big), 413, "payload-too-large");

        byte[] json = ("{\"registrationMethod\":\"FULL\",\"names\":{\"givenName\":\"" + "x".repeat(MAX_BODY) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        ApiClient ro = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL");
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(ro.base() + "/api/v1/individuals"))
                .header("Authorization", ro.authorization())
                .header("X-Purpose", "REG.ENROL")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json)))
                .build();
        assertProblem(ApiClient.send(chunked), 413, "payload-too-large");
    }

    @Test
    void validationErrorsNameTheFieldNeverTheValue() {
        String secretish = "ZQ-REJECTED-VALUE-77";
        ApiClient.Response badUser = as(Role.ADMIN).post("/api/v1/admin/users",
                Map.of("username", secretish, "roles", List.of()));
        JsonNode p = assertProblem(badUser, 400, "validation");
        assertThat(p.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("username", "roles");
        assertThat(badUser.text()).doesNotContain(secretish);

        ApiClient ro = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL");
        Map<String, Object> person = Samples.individual("Zainab", "Ali", Samples.passport());
        person.put("birth", Map.of("dateOfBirth", "2999-01-01"));
        person.put("nationalities", List.of(secretish));
        ApiClient.Response invalid = ro.post("/api/v1/individuals", Samples.enrolment(person));
        p = assertProblem(invalid, 400, "validation");
        assertThat(p.get("errors").findValuesAsString("field")).contains("details.birth.dateOfBirth");
        assertThat(invalid.text()).doesNotContain(secretish, "2999-01-01", "Zainab");

        person = Samples.individual("Zainab", "Ali", Samples.passport());
        person.put("sex", secretish);
        person.put("favouriteColour", "blue");
        ApiClient.Response wrongType = ro.post("/api/v1/individuals", Samples.enrolment(person));
        p = assertProblem(wrongType, 400, "validation");
        assertThat(wrongType.text()).doesNotContain(secretish, "Zainab");

        person = Samples.individual("Zainab", "Ali", Samples.passport());
        person.remove("registrationMethod");
        p = assertProblem(ro.post("/api/v1/individuals", Samples.enrolment(person)), 400, "validation");
        assertThat(p.get("errors").get(0).get("field").asString()).isEqualTo("details.registrationMethod");

        p = assertProblem(ro.get("/api/v1/individuals/not-a-uuid"), 400, "validation");
        assertThat(p.get("errors").get(0).get("field").asString()).isEqualTo("id");

        p = assertProblem(ro.header("Idempotency-Key", "has space").post("/api/v1/individuals", Samples.enrolment(Samples.individual("Zainab", "Ali", Samples.passport()))), 400, "validation");
        assertThat(p.get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void conflictsAndUnprocessable() {
        assertProblem(as(Role.ADMIN).post("/api/v1/admin/users",
                Map.of("username", username(Role.STATISTICIAN), "roles", List.of("STATISTICIAN"))), 409, "conflict");

        ApiClient ro = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL");
        String id = enrol(Samples.individual("Hodan", "Warsame", Samples.passport()));
        JsonNode stale = assertProblem(ro.put("/api/v1/individuals/" + id, Map.of("expectedVersion", 7,
                "reason", "typo", "details", Samples.individual("Hodan", "Warsame", Samples.passport()))),
                409, "version-conflict");
        assertThat(stale.get("currentVersion").asInt()).isEqualTo(1);

        ApiClient keyed = ro.header("Idempotency-Key", "reuse-" + UUID.randomUUID());
        assertThat(keyed.post("/api/v1/individuals", Samples.enrolment(Samples.individual("Ayan", "Nur", Samples.passport()))).status())
                .isEqualTo(201);
        assertProblem(keyed.post("/api/v1/individuals", Samples.enrolment(Samples.individual("Other", "Person", Samples.passport()))),
                422, "idempotency-key-reused");

        Map<String, Object> nowhere = Samples.individual("Ayan", "Nur", Samples.passport());
        nowhere.put("location", Map.of("adminPcode", "QQ99"));
        JsonNode p = assertProblem(ro.post("/api/v1/individuals", Samples.enrolment(nowhere)), 422, "unknown-reference");
        assertThat(p.get("errors").get(0).get("field").asString()).startsWith("location");

        assertProblem(as(Role.ADMIN).post("/api/v1/locations", Map.of("pcode", "ZZ", "level", 0, "name", "Again")),
                409, "conflict");
    }

    @Test
    void erasedIndividualIsGone() {
        String id = enrol(Samples.individual("Fadumo", "Hersi", Samples.passport()));
        ApiClient.Response erased = as(Role.DATA_PROTECTION_OFFICER).purpose("SUBJECT_REQUEST")
                .delete("/api/v1/individuals/" + id);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("keysDestroyed").asInt()).isPositive();
        assertProblem(as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL").get("/api/v1/individuals/" + id), 410, "erased");
    }

    @Test
    void keyProviderDownIs503AndWritesNothing() {
        String passport = Samples.passport();
        long individualsBefore = jdbc().sql("SELECT count(*) FROM individual").query(Long.class).single();
        long auditBefore = jdbc().sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        ApiClient ro = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL");
        String existing = enrol(Samples.individual("Ubah", "Farah", Samples.passport()));
        individualsBefore++;
        keyProviderSwitch().setAvailable(false);
        try {
            assertProblem(ro.post("/api/v1/individuals", Samples.enrolment(Samples.individual("Ubah", "Farah", passport))), 503, "unavailable");
            assertProblem(ro.get("/api/v1/individuals/" + existing), 503, "unavailable");
            ApiClient.Response health = as(Role.ADMIN).get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().at("/components/keyProvider/status").asString()).isEqualTo("DOWN");
        } finally {
            keyProviderSwitch().setAvailable(true);
        }
        assertThat(jdbc().sql("SELECT count(*) FROM individual").query(Long.class).single()).isEqualTo(individualsBefore);
        ApiClient.Response search = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL")
                .post("/api/v1/individuals/search", Map.of("documentNumber", passport));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().get("items")).isEmpty();
        assertThat(jdbc().sql("SELECT count(*) FROM audit_event").query(Long.class).single())
                .as("one event for the successful enrolment, one for the search, none for the failed calls")
                .isEqualTo(auditBefore + 2);
    }

    @Test
    void ciphertextMovedFromAnotherRecordIs500RecordIntegrityAndAudited() {
        String victim = enrol(Samples.individual("Maryan", "Osman", Samples.passport()));
        String donor = enrol(Samples.individual("Donor", "Record", Samples.passport()));
        jdbc().sql("""
                UPDATE individual_version SET names = (SELECT names FROM individual_version WHERE individual_id = ?::uuid)
                WHERE individual_id = ?::uuid""").params(donor, victim).update();
        ApiClient.Response r = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL").header("X-Request-Id", "tamper-read-1")
                .get("/api/v1/individuals/" + victim);
        assertProblem(r, 500, "record-integrity");
        assertThat(r.text()).doesNotContain("Donor", "Maryan");
        assertThat(jdbc().sql("SELECT outcome FROM audit_event WHERE request_id = 'tamper-read-1'")
                .query(String.class).list()).containsExactly("FAILED");
    }

    @Test
    void requestIdIsEchoedWhenSafeAndReplacedOtherwise() {
        ApiClient.Response safe = api().header("X-Request-Id", "client-abc.123").get("/api/v1/account");
        assertThat(safe.header("X-Request-Id")).isEqualTo("client-abc.123");
        ApiClient.Response unsafe = api().header("X-Request-Id", "bad id<script>").get("/api/v1/account");
        assertThat(unsafe.header("X-Request-Id")).isNotEqualTo("bad id<script>").matches("[0-9a-f-]{36}");
        assertThat(as(Role.ADMIN).get("/api/v1/account").header("X-Request-Id")).isNotBlank();
    }

    @Test
    void crossSiteBrowserRequestsAreRefused() {
        assertProblem(as(Role.ADMIN).header("Sec-Fetch-Site", "cross-site").get("/api/v1/account"),
                403, "cross-site-request");
    }

    @Test
    void sqlInNamesIsStoredAndReturnedVerbatim() {
        String given = "Robert'); DROP TABLE individual;--";
        String family = "O'Brien \" OR 1=1 -- \\x00";
        String id = enrol(Samples.individual(given, family, Samples.passport()));
        ApiClient.Response read = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL").get("/api/v1/individuals/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().at("/details/names/givenName").asString()).isEqualTo(given);
        assertThat(read.json().at("/details/names/familyName").asString()).isEqualTo(family);
    }
}
