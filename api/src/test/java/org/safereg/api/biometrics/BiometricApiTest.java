package org.safereg.api.biometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.registration.testing.BiometricSamples.synthetic;
import static org.safereg.registration.testing.BiometricSamples.syntheticPair;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.api.support.Samples;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.HostileImages;
import org.safereg.matching.RejectionReason;
import org.safereg.matching.TemplateExtractor;
import org.safereg.privacy.PurposePolicy;
import org.safereg.privacy.Role;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.biometrics.BiometricSettings;
import org.safereg.registration.biometrics.FingerprintCapture;
import org.safereg.registration.testing.BiometricSamples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.JsonNode;

/**
 * The biometric routes over real HTTP: the deduplication workflow end to end (synthetic prints always, real
 * FVC2002 prints when the shared images are present), hostile images answered with the right problem type
 * quickly, the biometric body limit, the verification rate limit, the gallery's health, and the re-extraction job.
 * Synthetic finger ids 600-699 belong to this class (the application and its gallery are shared).
 */
class BiometricApiTest extends ApiIntegrationTest {
    @Autowired
    PurposePolicy policy;

    ApiClient registrar() {
        return as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL");
    }

    ApiClient adjudicator() {
        return as(Role.ADJUDICATOR).purpose("REG.DEDUP");
    }

    ApiClient.Response enrol(String given, List<FingerprintCapture> captures) {
        return registrar().post("/api/v1/biometrics/enrolments", Samples.biometricEnrolment(given, captures));
    }

    JsonNode enrolled(String given, List<FingerprintCapture> captures, int status) {
        ApiClient.Response r = enrol(given, captures);
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        return r.json();
    }

    @Test
    void dedupWorkflowEndToEnd() {
        workflow(syntheticPair(601, 0), syntheticPair(601, 1), syntheticPair(603, 0), synthetic(602, 0));
    }

    @Test
    void dedupWorkflowEndToEndOnRealPrints() {
        workflow(BiometricSamples.devSetPair(105, 106, 1), BiometricSamples.devSetPair(105, 106, 2),
                BiometricSamples.devSetPair(107, 108, 1), BiometricSamples.devSet(106, 1));
    }

    /**
     * A (first) -> ACTIVE; "B" (same fingers, other impressions) -> PENDING_ADJUDICATION naming A; the
     * adjudicator sees the case, compares images and decides DUPLICATE -> one identity; other fingers -> ACTIVE.
     */
    void workflow(List<FingerprintCapture> first, List<FingerprintCapture> again, List<FingerprintCapture> other,
                  byte[] firstLeftIndex) {
        ApiClient.Response created = enrol("Asha", first);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode a = created.json();
        String aId = a.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/individuals/" + aId);
        assertThat(a.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(a.get("candidates")).isEmpty();

        JsonNode b = enrolled("Bisharo", again, 201);
        String bId = b.get("id").asString();
        assertThat(b.get("status").asString()).isEqualTo("PENDING_ADJUDICATION");
        assertThat(b.get("candidates")).hasSize(1);
        JsonNode top = b.get("candidates").get(0);
        assertThat(top.get("subject").asString()).isEqualTo(aId);
        assertThat(top.get("rank").asInt()).isEqualTo(1);
        assertThat(top.get("score").asDouble()).isGreaterThanOrEqualTo(b.get("threshold").asDouble());
        assertThat(top.get("fingers")).hasSize(2);
        assertThat(top.toString()).doesNotContain("Asha", "Biometric");
        String caseId = b.get("adjudicationCase").asString();

        JsonNode queue = adjudicator().get("/api/v1/biometrics/adjudications?size=500").json();
        assertThat(queue.get("items").findValuesAsString("id")).contains(caseId);
        ApiClient.Response view = adjudicator().get("/api/v1/biometrics/adjudications/" + caseId);
        assertThat(view.status()).as("%s", view).isEqualTo(200);
        assertThat(view.json().get("subject").asString()).isEqualTo(bId);
        assertThat(view.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(view.json().get("candidates").get(0).get("fingers").get(0).get("score").asDouble()).isPositive();

        ApiClient.Response image = adjudicator().get("/api/v1/biometrics/adjudications/" + caseId + "/subjects/"
                + aId + "/fingers/LEFT_INDEX/image");
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(firstLeftIndex);
        assertThat(image.header("Cache-Control")).contains("no-store");
        ApiClient.Response denied = as(Role.REGISTRATION_OFFICER).purpose("REG.DEDUP")
                .get("/api/v1/biometrics/adjudications/" + caseId);
        assertProblem(denied, 403, "action-not-allowed-for-role");

        String decisionRequest = "decision-" + caseId;
        ApiClient.Response decided = adjudicator().header("X-Request-Id", decisionRequest).post(
                "/api/v1/biometrics/adjudications/" + caseId + "/decision",
                Map.of("decision", "DUPLICATE", "duplicateOf", aId, "reason", "same person, seen at the desk"));
        assertThat(decided.status()).as("%s", decided).isEqualTo(200);
        assertThat(decided.json().get("subjectStatus").asString()).isEqualTo("DUPLICATE");
        assertThat(decided.json().get("outcome").get("duplicateOf").asString()).isEqualTo(aId);
        assertThat(jdbc().sql("SELECT action || '/' || outcome FROM audit_event WHERE request_id = ? ORDER BY seq")
                .param(decisionRequest).query(String.class).list())
                .containsExactly("ADJUDICATION_DECIDE/SUCCESS", "ADJUDICATION_DECIDE/SUCCESS");
        assertProblem(adjudicator().post("/api/v1/biometrics/adjudications/" + caseId + "/decision",
                Map.of("decision", "DISTINCT", "reason", "changed my mind")), 409, "adjudication-conflict");

        JsonNode registration = registrar().get("/api/v1/biometrics/registrations/" + bId).json();
        assertThat(registration.get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(registration.get("duplicateOf").asString()).isEqualTo(aId);
        JsonNode identified = as(Role.PROTECTION_OFFICER).purpose("PROT.CASE").post("/api/v1/biometrics/identifications",
                Map.of("fingerprints", Samples.fingerprints(again))).json();
        assertThat(identified.get("candidates").findValuesAsString("subject")).containsExactly(aId);

        JsonNode c = enrolled("Cawo", other, 201);
        assertThat(c.get("status").asString()).isEqualTo("ACTIVE");
    }

    static Stream<Arguments> hostileImages() {
        return Stream.of(
                Arguments.of("decompression bomb PNG (8000x8000 in ~70 KB)", HostileImages.decompressionBombPng(),
                        RejectionReason.TOO_LARGE_PIXELS),
                Arguments.of("20000x20000 PNG header", HostileImages.hugeHeaderPng(), RejectionReason.TOO_LARGE_PIXELS),
                Arguments.of("20000x20000 WSQ header", HostileImages.hugeHeaderWsq(), RejectionReason.TOO_LARGE_PIXELS),
                Arguments.of("truncated WSQ", HostileImages.truncatedWsq(), RejectionReason.CORRUPT_IMAGE),
                Arguments.of("random bytes", HostileImages.randomBytes(50_000, 3), RejectionReason.UNSUPPORTED_FORMAT),
                Arguments.of("1x1 PNG", HostileImages.onePixel("png"), RejectionReason.TOO_SMALL_PIXELS),
                Arguments.of("1x1 BMP", HostileImages.onePixel("bmp"), RejectionReason.TOO_SMALL_PIXELS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileImages")
    void hostileImagesAreRejectedQuicklyWithTheirReason(String name, byte[] image, RejectionReason reason) {
        List<FingerprintCapture> captures = List.of(FingerprintCapture.of(FingerPosition.RIGHT_INDEX, synthetic(611, 0)),
                FingerprintCapture.of(FingerPosition.LEFT_INDEX, image));
        long individuals = jdbc().sql("SELECT count(*) FROM individual").query(Long.class).single();
        long started = System.nanoTime();
        ApiClient.Response r = enrol("Hostile", captures);
        assertThat((System.nanoTime() - started) / 1e9).as("answered quickly").isLessThan(2.0);
        String slug = "fingerprint-" + reason.name().toLowerCase().replace('_', '-');
        assertProblem(r, 422, slug);
        JsonNode problem = r.json();
        assertThat(problem.get("detail").asString()).isEqualTo(reason.officerMessage());
        assertThat(problem.get("reason").asString()).isEqualTo(reason.name());
        assertThat(problem.get("captureIndex").asInt()).isEqualTo(1);
        assertThat(problem.get("position").asString()).isEqualTo("LEFT_INDEX");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("fingerprints[1].image");
        assertThat(jdbc().sql("SELECT count(*) FROM individual").query(Long.class).single()).isEqualTo(individuals);
        // the server is unharmed and answers the next request normally
        assertThat(as(Role.REGISTRATION_OFFICER).get("/api/v1/account").status()).isEqualTo(200);
    }

    @Test
    void everyRejectionReasonHasAStableProblemType() {
        for (RejectionReason reason : RejectionReason.values()) {
            assertThat(BiometricExceptionHandler.problemType(reason).slug())
                    .isEqualTo("fingerprint-" + reason.name().toLowerCase().replace('_', '-'));
            assertThat(BiometricExceptionHandler.problemType(reason).status().value()).isEqualTo(422);
        }
    }

    @Test
    void biometricRoutesHaveTheirOwnBodyLimitCheckedBeforeReading() {
        // within the biometric limit but far over the general one: read, then refused as JSON, not for size
        byte[] megabyte = ("{\"fingerprints\": \"" + "A".repeat(1024 * 1024) + "\"}").getBytes();
        assertThat(as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL")
                .send("POST", "/api/v1/biometrics/enrolments", "application/json", megabyte).status()).isEqualTo(400);
        assertProblem(as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL")
                .send("POST", "/api/v1/individuals", "application/json", megabyte), 413, "payload-too-large");
        // over the biometric limit: refused from Content-Length, before authentication
        byte[] tooBig = new byte[MAX_BIOMETRIC_BODY + 1];
        assertProblem(api().send("POST", "/api/v1/biometrics/enrolments", "application/json", tooBig), 413,
                "payload-too-large");
    }

    @Test
    void verificationAnswersTheThresholdAndIsRateLimitedPerPerson() {
        String id = enrolled("Verified", syntheticPair(621, 0), 201).get("id").asString();
        ApiClient verifier = as(Role.PROTECTION_OFFICER).purpose("REG.VERIFY");
        Map<String, Object> same = Map.of("subject", id, "fingerprints", Samples.fingerprints(syntheticPair(621, 1)));
        for (int i = 0; i < 5; i++) {
            ApiClient.Response r = verifier.post("/api/v1/biometrics/verifications", same);
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.json().get("match").asBoolean()).isTrue();
            assertThat(r.json().get("threshold").asDouble()).isEqualTo(50.0);
            assertThat(r.json().get("fusion").asString()).isEqualTo("SUM");
        }
        ApiClient.Response limited = verifier.post("/api/v1/biometrics/verifications", same);
        assertProblem(limited, 429, "verification-rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 600L);
        // another person is not affected
        String other = enrolled("Other", syntheticPair(623, 0), 201).get("id").asString();
        JsonNode mismatch = verifier.post("/api/v1/biometrics/verifications", Map.of("subject", other,
                "fingerprints", Samples.fingerprints(syntheticPair(621, 1)))).json();
        assertThat(mismatch.get("match").asBoolean()).isFalse();
    }

    @Test
    void theGalleryIsPartOfReadinessAndNotReadyUntilLoaded() {
        JsonNode readiness = as(Role.ADMIN).get("/actuator/health/readiness").json();
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").get("fingerprintGallery").get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").get("fingerprintGallery").get("details").get("state").asString())
                .isEqualTo("READY");

        try (RegistrationCore restarted = RegistrationCore.create(dataSource, kek, policy, Clock.systemUTC(),
                BiometricSettings.defaults())) {
            GalleryHealthIndicator health = new GalleryHealthIndicator(restarted);
            assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            restarted.biometrics().loadGallery();
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat((Integer) health.health().getDetails().get("persons"))
                    .isEqualTo(core.biometrics().galleryStatus().persons());
        }
    }

    @Test
    void theReextractionJobRebuildsTemplatesOfAnotherVersion() throws InterruptedException {
        String id = enrolled("Upgraded", syntheticPair(631, 0), 201).get("id").asString();
        jdbc().sql("UPDATE fingerprint_capture SET sourceafis_version = '3.17.0' WHERE subject_id = ?::uuid")
                .param(id).update();
        ApiClient dpo = as(Role.DATA_PROTECTION_OFFICER).purpose("ADMIN.BIOMETRICS");
        JsonNode state = awaitIdle(dpo);
        assertThat(state.get("remaining").asLong()).isGreaterThanOrEqualTo(2);

        ApiClient.Response started = dpo.post("/api/v1/biometrics/reextraction?batchSize=1", null);
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        state = awaitIdle(dpo);
        assertThat(state.get("run").asString()).isEqualTo("DONE");
        assertThat(state.get("remaining").asLong()).isZero();
        assertThat(jdbc().sql("SELECT DISTINCT sourceafis_version FROM fingerprint_capture WHERE subject_id = ?::uuid")
                .param(id).query(String.class).list()).containsExactly(TemplateExtractor.sourceafisVersion());
        assertProblem(as(Role.REGISTRATION_OFFICER).purpose("ADMIN.BIOMETRICS").get("/api/v1/biometrics/reextraction"),
                403, "purpose-not-allowed");
    }

    private static JsonNode awaitIdle(ApiClient dpo) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode state = dpo.get("/api/v1/biometrics/reextraction").json();
            if (!state.get("run").asString().equals("RUNNING")) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("re-extraction still running");
    }

    private static void assertProblem(ApiClient.Response r, int status, String slug) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("urn:safereg:problem:" + slug);
        List<String> forbidden = new ArrayList<>(List.of("Exception", "\tat "));
        assertThat(r.text()).doesNotContain(forbidden);
    }
}
