package org.safereg.api.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.api.support.Samples;
import org.safereg.privacy.Role;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.testing.TestConsents;
import tools.jackson.databind.JsonNode;

/**
 * Microdata extracts over real HTTP and a real PostgreSQL, with the application's defaults (k = 5, maximum
 * individual risk 0.2, expected re-identifications at most 10% of records): the extract's CSV with its HXL row and
 * the recipient's pseudonyms, stable within an epoch and changed by a new one; the signed manifest in the register;
 * the refusals (no agreement, wrong purpose, invalid request, too few records, risk above the limit) as
 * problem+json, none of which releases anything. Each test extracts a country of its own.
 */
class ExtractApiTest extends ApiIntegrationTest {
    private static final AtomicInteger COUNTRIES = new AtomicInteger();

    private String country() {
        String c = "ZY" + COUNTRIES.incrementAndGet() + Long.toString(System.nanoTime() % 1000, 36).toUpperCase();
        core.locations().createAdminUnit(AdminUnit.country(c, "Extract API " + c));
        core.locations().createAdminUnit(AdminUnit.of(c + "A", 1, c, "A"));
        return c;
    }

    /** Enrols {@code n} alike people (female, 1990) in {@code pcode} with consent to statistics; their ids. */
    private List<String> enrol(String pcode, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> details = Samples.individual("Extract", "Api", Samples.passport());
            details.put("location", Map.of("adminPcode", pcode));
            ApiClient.Response r = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL").post("/api/v1/individuals",
                    Samples.enrolment(details, TestConsents.withStatisticsJson()));
            assertThat(r.status()).as("%s", r).isEqualTo(201);
            ids.add(r.json().get("id").asString());
        }
        return ids;
    }

    /** Records an active agreement of {@code recipient} covering STATS.OPS. */
    private void agreement(String recipient) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recipient", recipient);
        m.put("recipientName", "Research partner");
        m.put("purposes", List.of("STATS.OPS"));
        m.put("fields", List.of("LOCATION", "SEX", "BIRTH"));
        m.put("validFrom", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        m.put("validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        m.put("legalBasis", "PUBLIC_INTEREST_MANDATE");
        m.put("signatory", "Head of Office");
        ApiClient.Response r = as(Role.DATA_PROTECTION_OFFICER).purpose("ADMIN.AGREEMENTS").post("/api/v1/agreements", m);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
    }

    private static Map<String, Object> extract(String population, String recipient, Integer epoch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fields", List.of("ADMIN1", "SEX", "AGE_BAND"));
        m.put("population", population);
        m.put("recipient", recipient);
        if (epoch != null) {
            m.put("epoch", epoch);
        }
        return m;
    }

    private ApiClient statistician(String purpose) {
        return as(Role.STATISTICIAN).purpose(purpose);
    }

    private static JsonNode problem(ApiClient.Response r, int status, String slug) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("urn:safereg:problem:" + slug);
        assertThat(r.text()).doesNotContain("Exception", "at org.", "SQL");
        return r.json();
    }

    /** The CSV's lines: header, HXL row, records. */
    private List<String> csv(ApiClient client, ApiClient.Response created) {
        ApiClient.Response file = client.get(created.json().get("links").get("csv").asString());
        assertThat(file.status()).as("%s", file).isEqualTo(200);
        assertThat(file.header("Content-Type")).startsWith("text/csv");
        return List.of(file.text().split("\r\n"));
    }

    private static Set<String> pseudonyms(List<String> lines) {
        Set<String> p = new HashSet<>();
        lines.subList(2, lines.size()).forEach(line -> p.add(line.substring(0, line.indexOf(','))));
        return p;
    }

    @Test
    void anExtractGivesAKAnonymousCsvUnderTheRecipientsPseudonymsAndASignedRegisteredManifest() {
        String c = country();
        List<String> people = enrol(c + "A", 12);
        String recipient = "EXTAPI-" + c;
        agreement(recipient);
        ApiClient statistician = statistician("STATS.OPS").header("X-Request-Id", "extract-api-" + c);

        ApiClient.Response created = statistician.post("/api/v1/statistics/extracts", extract(c, recipient, null));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("releaseId").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/statistics/releases/" + id + "/manifest");
        assertThat(body.get("recipient").asString()).isEqualTo(recipient);
        assertThat(body.get("epoch").asInt()).isEqualTo(1);
        assertThat(body.get("records").asLong()).isEqualTo(12);
        assertThat(body.get("risk").get("k").asInt()).isEqualTo(5);
        assertThat(body.get("risk").get("expectedReidentifications").asLong()).isEqualTo(1);
        // nothing about the data before treatment, in the answer or the manifest
        assertThat(created.text()).doesNotContain("Before").doesNotContain("before");
        JsonNode manifest = body.get("document").get("manifest");
        assertThat(manifest.get("kind").asString()).isEqualTo("EXTRACT");
        assertThat(manifest.get("method").asString()).isEqualTo("K_ANONYMITY");
        assertThat(manifest.get("recipient").asString()).isEqualTo(recipient);
        assertThat(manifest.get("protection").get("riskAfter").get("recordsViolatingK").asLong()).isZero();
        List<String> lines = csv(statistician, created);
        assertThat(lines.subList(0, 2)).containsExactly("pseudonym,adm1_pcode,sex,age_band",
                "#meta+id,#adm1+code,#meta+sex,#meta+age_band");
        assertThat(lines).hasSize(2 + 12);
        assertThat(lines.subList(2, lines.size())).allSatisfy(line ->
                assertThat(line).matches("[0-9a-f]{32}," + c + "A,FEMALE,18-59"));
        String text = String.join("\n", lines) + created.text();
        assertThat(text).doesNotContain(people.toArray(String[]::new));

        // the same recipient and epoch: the same pseudonyms; a new epoch: others; going back: refused
        Set<String> first = pseudonyms(lines);
        assertThat(pseudonyms(csv(statistician, statistician.post("/api/v1/statistics/extracts",
                extract(c, recipient, null))))).isEqualTo(first);
        ApiClient.Response second = statistician.post("/api/v1/statistics/extracts", extract(c, recipient, 2));
        assertThat(second.status()).as("%s", second).isEqualTo(201);
        assertThat(pseudonyms(csv(statistician, second))).hasSize(12).doesNotContainAnyElementsOf(first);
        JsonNode stale = problem(statistician.post("/api/v1/statistics/extracts", extract(c, recipient, 1)), 400,
                "validation");
        assertThat(stale.get("errors").get(0).get("field").asString()).isEqualTo("epoch");
        // epoch 2 has its fields: others need a new epoch
        Map<String, Object> otherFields = new LinkedHashMap<>(extract(c, recipient, null));
        otherFields.put("fields", List.of("ADMIN1", "SEX"));
        problem(statistician.post("/api/v1/statistics/extracts", otherFields), 409, "extract-new-epoch-required");
        otherFields.put("epoch", 3);
        assertThat(statistician.post("/api/v1/statistics/extracts", otherFields).status()).isEqualTo(201);

        ApiClient officer = as(Role.DATA_PROTECTION_OFFICER).purpose("ADMIN.STATISTICS");
        ApiClient.Response verification = officer.post("/api/v1/statistics/releases/" + id + "/verify", null);
        assertThat(verification.json().get("valid").asBoolean()).as("%s", verification).isTrue();
        assertThat(officer.get("/api/v1/statistics/releases?kind=EXTRACT&size=500").json().get("items").toString())
                .contains(id);
        assertThat(jdbc().sql("SELECT action || '/' || outcome FROM audit_event WHERE request_id = ? ORDER BY seq")
                .param("extract-api-" + c).query(String.class).list())
                .startsWith("STATS_EXTRACT/SUCCESS", "STATS_RELEASE_READ/SUCCESS");
    }

    @Test
    void refusalsAreProblemsAndReleaseNothing() {
        String c = country();
        enrol(c + "A", 6);
        String recipient = "EXTAPI-R-" + c;
        ApiClient statistician = statistician("STATS.OPS");

        problem(statistician.post("/api/v1/statistics/extracts", extract(c, recipient, null)), 403, "no-agreement");
        agreement(recipient);
        problem(statistician("STATS.PUBLIC").post("/api/v1/statistics/extracts", extract(c, recipient, null)), 403,
                "action-not-covered");
        problem(as(Role.REGISTRATION_OFFICER).purpose("STATS.OPS").post("/api/v1/statistics/extracts",
                extract(c, recipient, null)), 403, "purpose-not-allowed");
        JsonNode invalid = problem(statistician.post("/api/v1/statistics/extracts",
                Map.of("fields", List.of("NAMES"), "population", c, "recipient", recipient)), 400, "validation");
        assertThat(invalid.get("errors").get(0).get("field").asString()).isEqualTo("fields[0]");
        // six alike people: k = 5 holds, but one class of six is an expected re-identification share of 1/6 > 0.1
        JsonNode risky = problem(statistician.post("/api/v1/statistics/extracts", extract(c, recipient, null)), 422,
                "extract-risk-above-limit");
        // count-free: the figures would describe the untreated data
        assertThat(risky.has("risk")).isFalse();

        String few = country();
        enrol(few + "A", 2);
        JsonNode tooFew = problem(statistician.post("/api/v1/statistics/extracts", extract(few, recipient, null)),
                422, "extract-too-few-records");
        assertThat(tooFew.has("risk")).isFalse();
        assertThat(jdbc().sql("SELECT count(*) FROM stat_release WHERE recipient = ?").param(recipient)
                .query(Long.class).single()).isZero();
    }
}
