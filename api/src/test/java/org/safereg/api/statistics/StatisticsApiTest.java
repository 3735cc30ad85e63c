package org.safereg.api.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.api.support.Samples;
import org.safereg.keys.ProviderSignature;
import org.safereg.keys.SigningPublicKey;
import org.safereg.privacy.Role;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.rights.CanonicalJson;
import org.safereg.registration.statistics.BudgetPeriod;
import org.safereg.registration.testing.TestConsents;
import tools.jackson.databind.JsonNode;

/**
 * Statistical releases over real HTTP and a real PostgreSQL: a table released from enrolled people as CSV (with its
 * HXL row) and a signed manifest that verifies with the server's public key and through the register; a withdrawn
 * and an erased person leave the next release; the privacy budget refuses a release beyond the cap without
 * spending anything, also under concurrent requests; the refusals' problem types. Each test counts a country of
 * its own (the shared database holds everyone else's people too); the application's defaults apply (PUBLIC k = 5,
 * admin1 floor).
 */
class StatisticsApiTest extends ApiIntegrationTest {
    private static final AtomicInteger COUNTRIES = new AtomicInteger();

    /** A fresh country {@code ZTn} with admin1 {@code ZTnA} (admin2 {@code ZTnA1}) and {@code ZTnB}. */
    private String country() {
        String c = "ZT" + COUNTRIES.incrementAndGet() + Long.toString(System.nanoTime() % 1000, 36).toUpperCase();
        core.locations().createAdminUnit(AdminUnit.country(c, "Statistics API " + c));
        core.locations().createAdminUnit(AdminUnit.of(c + "A", 1, c, "A"));
        core.locations().createAdminUnit(AdminUnit.of(c + "B", 1, c, "B"));
        core.locations().createAdminUnit(AdminUnit.of(c + "A1", 2, c + "A", "A1"));
        return c;
    }

    /** Enrols a FULL registration (female, 1990) in {@code pcode} with consent to statistics; returns its id. */
    private String enrolIn(String pcode) {
        Map<String, Object> details = Samples.individual("Stat", "Api", Samples.passport());
        details.put("location", Map.of("adminPcode", pcode));
        ApiClient.Response r = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL").post("/api/v1/individuals",
                Samples.enrolment(details, TestConsents.withStatisticsJson()));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private ApiClient statistician(String purpose) {
        return as(Role.STATISTICIAN).purpose(purpose);
    }

    private ApiClient officer() {
        return as(Role.DATA_PROTECTION_OFFICER).purpose("ADMIN.STATISTICS");
    }

    private static Map<String, Object> table(String population, List<String> dimensions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimensions", dimensions);
        m.put("profile", "PUBLIC");
        m.put("population", population);
        return m;
    }

    private static Map<String, Object> noisy(String population) {
        Map<String, Object> m = table(population, List.of("SEX"));
        m.put("method", "DIFFERENTIAL_PRIVACY");
        m.put("noise", Map.of("mechanism", "DISCRETE_GAUSSIAN", "scale", "2"));
        return m;
    }

    private static JsonNode problem(ApiClient.Response r, int status, String slug) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("urn:safereg:problem:" + slug);
        assertThat(r.text()).doesNotContain("Exception", "at org.", "SQL");
        return r.json();
    }

    /** The CSV rows after the header and HXL rows. */
    private static List<String> rows(String csv) {
        List<String> lines = List.of(csv.split("\r\n"));
        return lines.subList(2, lines.size());
    }

    private ApiClient.Response release(ApiClient client, Map<String, Object> body) {
        return client.post("/api/v1/statistics/tables", body);
    }

    private String csvOf(ApiClient client, ApiClient.Response release) {
        ApiClient.Response csv = client.get(release.json().get("links").get("csv").asString());
        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        return csv.text();
    }

    @Test
    void aReleaseGivesACsvWithHxlAndASignedManifestThatVerifiesOfflineAndInTheRegister() throws Exception {
        String c = country();
        for (int i = 0; i < 6; i++) {
            enrolIn(c + "A1");
        }
        ApiClient statistician = statistician("STATS.PUBLIC").header("X-Request-Id", "stat-api-release-" + c);

        ApiClient.Response created = release(statistician, table(c, List.of("ADMIN1", "SEX")));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().get("releaseId").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/statistics/releases/" + id + "/manifest");
        assertThat(created.json().get("suppressedCells").asInt()).isZero();
        ApiClient.Response file = statistician.get("/api/v1/statistics/releases/" + id + "/table.csv");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).startsWith("text/csv");
        assertThat(file.header("Content-Disposition")).contains("release-" + id + ".csv");
        String csv = file.text();
        assertThat(csv).startsWith("adm1_pcode,sex,persons,suppressed\r\n"
                + "#adm1+code,#meta+sex,#affected+ind,#meta+suppressed\r\n");
        assertThat(rows(csv)).contains(c + "A,FEMALE,6,0", c + "B,FEMALE,0,0", "unknown,total,0,0",
                "total,total,6,0").hasSize(4 * 5);

        JsonNode document = statistician.get("/api/v1/statistics/releases/" + id + "/manifest").json();
        assertThat(document).isEqualTo(created.json().get("document"));
        JsonNode manifest = document.get("manifest");
        assertThat(manifest.get("releaseId").asString()).isEqualTo(id);
        assertThat(manifest.get("purpose").asString()).isEqualTo("STATS.PUBLIC");
        assertThat(manifest.get("protection").get("k").asInt()).isEqualTo(5);
        assertThat(manifest.get("csv").get("sha256").asString()).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body())));
        // offline: the canonical JSON of the manifest, the signature, the public key the server publishes
        JsonNode keys = as(Role.DATA_PROTECTION_OFFICER).get("/api/v1/keys/signing-key").json().get("keys");
        JsonNode signature = document.get("signature");
        ProviderSignature signed = new ProviderSignature(signature.get("keyId").asString(),
                signature.get("algorithm").asString(), Base64.getDecoder().decode(signature.get("value").asString()));
        boolean verified = false;
        for (JsonNode key : keys) {
            SigningPublicKey publicKey = SigningPublicKey.fromPem(key.get("keyId").asString(),
                    key.get("publicKeyPem").asString());
            verified |= publicKey.verify(CanonicalJson.encode(manifest), signed);
        }
        assertThat(verified).as("the manifest verifies with a published signing key").isTrue();
        String altered = manifest.toString().replace("\"PUBLIC\"", "\"AGREEMENT\"");
        assertThat(SigningPublicKey.fromPem("k", keys.get(keys.size() - 1).get("publicKeyPem").asString())
                .verify(CanonicalJson.encode(CanonicalJson.parse(altered)), signed)).isFalse();

        ApiClient.Response verification = officer().post("/api/v1/statistics/releases/" + id + "/verify", null);
        assertThat(verification.status()).as("%s", verification).isEqualTo(200);
        assertThat(verification.json().get("valid").asBoolean()).isTrue();
        assertThat(officer().get("/api/v1/statistics/releases?size=500").json().get("items").toString()).contains(id);
        problem(statistician("STATS.OPS").get("/api/v1/statistics/releases"), 403, "action-not-covered");
        problem(statistician("STATS.OPS").get("/api/v1/statistics/releases/" + id + "/table.csv"), 404, "not-found");
        assertThat(jdbc().sql("SELECT action || '/' || outcome FROM audit_event WHERE request_id = ? ORDER BY seq")
                .param("stat-api-release-" + c).query(String.class).list())
                .containsExactly("STATS_RELEASE/SUCCESS", "STATS_RELEASE_READ/SUCCESS", "STATS_RELEASE_READ/SUCCESS");
    }

    @Test
    void aWithdrawnAndAnErasedPersonDisappearFromTheNextRelease() {
        String c = country();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            people.add(enrolIn(c + "A1"));
        }
        ApiClient statistician = statistician("STATS.PUBLIC");
        assertThat(rows(csvOf(statistician, release(statistician, table(c, List.of("SEX"))))))
                .contains("total,7,0");

        ApiClient.Response withdrawn = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL")
                .post("/api/v1/individuals/" + people.get(0) + "/consents/withdrawals", Map.of("purpose", "STATS.PUBLIC"));
        assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(201);
        ApiClient.Response erased = as(Role.DATA_PROTECTION_OFFICER).purpose("SUBJECT_REQUEST")
                .delete("/api/v1/individuals/" + people.get(1));
        assertThat(erased.status()).as("%s", erased).isEqualTo(200);

        assertThat(rows(csvOf(statistician, release(statistician, table(c, List.of("SEX"))))))
                .contains("total,5,0", "FEMALE,5,0");
    }

    @Test
    void aTableNoPatternCanProtectIsRefusedWithReleaseAuditFailed() {
        String c = country();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(enrolIn(c + "A1"));
        }
        ApiClient statistician = statistician("STATS.PUBLIC");
        assertThat(rows(csvOf(statistician, release(statistician, table(c, List.of("SEX"))))))
                .contains("FEMALE,5,0");
        ApiClient.Response withdrawn = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL")
                .post("/api/v1/individuals/" + people.get(0) + "/consents/withdrawals", Map.of("purpose", "STATS.OPS"));
        assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(201);

        // FEMALE = 4 is below k now, but the first release published it: nothing can protect it
        JsonNode refused = problem(release(statistician, table(c, List.of("SEX"))), 422, "release-audit-failed");
        assertThat(refused.has("errors")).isFalse();
        assertThat(jdbc().sql("SELECT count(*) FROM stat_release WHERE population = ?").param(c)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anExhaustedBudgetRefusesTheReleaseAndSpendsNothing() {
        String c = country();
        for (int i = 0; i < 5; i++) {
            enrolIn(c + "A1");
        }
        String quarter = BudgetPeriod.of(Instant.now()).toString();
        problem(release(statistician("STATS.PUBLIC"), noisy(c)), 409, "no-budget-cap");
        problem(statistician("STATS.OPS").put("/api/v1/statistics/budget/" + c + "/" + quarter, Map.of("rho", "1")),
                403, "action-not-covered");
        ApiClient.Response cap = officer().put("/api/v1/statistics/budget/" + c + "/" + quarter, Map.of("rho", "1/4"));
        assertThat(cap.status()).as("%s", cap).isEqualTo(200);
        assertThat(cap.json().get("capRho").asString()).isEqualTo("1/4");
        assertThat(cap.json().get("remainingRho").asString()).isEqualTo("1/4");

        ApiClient.Response first = release(statistician("STATS.PUBLIC"), noisy(c));
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.json().get("document").get("manifest").get("protection").get("rho").asString())
                .isEqualTo("1/4");
        assertThat(rows(csvOf(statistician("STATS.PUBLIC"), first))).hasSize(5)
                .allSatisfy(row -> assertThat(row).matches("[A-Za-z]+,[0-9]+"));
        problem(release(statistician("STATS.PUBLIC"), noisy(c)), 409, "budget-exceeded");

        JsonNode budget = statistician("STATS.PUBLIC").get("/api/v1/statistics/budget?population=" + c).json().get(0);
        assertThat(budget.get("spentRho").asString()).isEqualTo("1/4");
        assertThat(budget.get("remainingRho").asString()).isEqualTo("0");
        assertThat(budget.get("delta").asDouble()).isEqualTo(1e-6);
        assertThat(count("SELECT count(*) FROM stat_release WHERE population = ?", c)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM stat_budget_entry WHERE population = ? AND state <> 'COMMITTED'", c))
                .isZero();
    }

    @Test
    void concurrentReleasesNeverOverdrawTheBudget() throws Exception {
        String c = country();
        for (int i = 0; i < 3; i++) {
            enrolIn(c + "A1");
        }
        String quarter = BudgetPeriod.of(Instant.now()).toString();
        assertThat(officer().put("/api/v1/statistics/budget/" + c + "/" + quarter, Map.of("rho", "1")).status())
                .isEqualTo(200);
        int requests = 12;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                statuses.add(pool.submit(() -> {
                    ApiClient client = statistician("STATS.PUBLIC");
                    start.await();
                    return release(client, noisy(c)).status();
                }));
            }
            start.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> s : statuses) {
                answered.add(s.get(120, TimeUnit.SECONDS));
            }
            // rho 1/4 each against a cap of 1: four releases, never a fifth
            assertThat(answered).filteredOn(s -> s == 201).hasSize(4);
            assertThat(answered).filteredOn(s -> s != 201).hasSize(requests - 4).containsOnly(409);
        } finally {
            pool.shutdownNow();
        }
        JsonNode budget = officer().get("/api/v1/statistics/budget?population=" + c).json().get(0);
        assertThat(budget.get("spentRho").asString()).isEqualTo("1");
        assertThat(count("SELECT count(*) FROM stat_release WHERE population = ?", c)).isEqualTo(4);
    }

    @Test
    void refusalsAnswerWithStableProblemTypes() {
        String c = country();
        enrolIn(c + "A1");
        ApiClient statistician = statistician("STATS.OPS");
        problem(release(statistician, table(c, List.of("ADMIN2", "SEX"))), 422, "geography-below-floor");
        Map<String, Object> agreement = table(c, List.of("ADMIN2"));
        agreement.put("profile", "AGREEMENT");
        problem(release(statistician, agreement), 422, "agreement-required");
        agreement.put("recipient", "NOBODY-" + c);
        problem(release(statistician, agreement), 403, "no-agreement");
        JsonNode invalid = problem(release(statistician, Map.of("dimensions", List.of("SHOE_SIZE"), "profile",
                "PUBLIC", "population", c)), 400, "validation");
        assertThat(invalid.get("errors").toString()).contains("dimensions[0]");
        problem(release(as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL"), table(c, List.of("SEX"))), 403,
                "action-not-covered");
        problem(release(as(Role.STATISTICIAN), table(c, List.of("SEX"))), 403, "no-purpose");
        problem(officer().put("/api/v1/statistics/budget/" + c + "/2026-Q9", Map.of("rho", "-1")), 400, "validation");
        assertThat(count("SELECT count(*) FROM stat_release WHERE population = ?", c)).isZero();
    }

    private long count(String sql, String population) {
        return jdbc().sql(sql).param(population).query(Long.class).single();
    }
}
