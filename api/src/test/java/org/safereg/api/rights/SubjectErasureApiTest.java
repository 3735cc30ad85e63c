package org.safereg.api.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.registration.testing.BiometricSamples.syntheticPair;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.api.support.Samples;
import org.safereg.privacy.Role;
import org.safereg.registration.model.IdentityDocument;
import tools.jackson.databind.JsonNode;

/**
 * Erasure end to end over real HTTP on a real database: afterwards no route yields anything of the person
 * (410 erased), the gallery no longer finds their fingers (1:N with their own images), the statistical projection
 * no longer counts them, the signed receipt verifies offline with the exported public key (and fails when
 * altered), and a raw dump of every table holds none of their values.
 */
class SubjectErasureApiTest extends ApiIntegrationTest {
    static final String GIVEN = "Zenobiaqwil";
    static final String FAMILY = "Ostrogradskyte";
    static final String PASSPORT = "ZQ-4471.9083";
    static final String PHONE = "+252 61 737 2914";

    @TempDir
    Path files;

    ApiClient registrar() {
        return as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL");
    }

    ApiClient dpo() {
        return as(Role.DATA_PROTECTION_OFFICER).purpose("SUBJECT_REQUEST");
    }

    long statisticsRows() {
        return jdbc().sql("SELECT count(*) FROM stat_projection").query(Long.class).single();
    }

    @Test
    void afterErasureNothingOfThePersonRemainsReadableFindableCountedOrStored() throws Exception {
        Map<String, Object> details = new LinkedHashMap<>(Samples.individual(GIVEN, FAMILY, PASSPORT));
        details.put("contact", Map.of("phone", PHONE));
        ApiClient.Response enrolled = registrar().post("/api/v1/biometrics/enrolments",
                Map.of("details", details, "consent", Samples.consent(),
                        "fingerprints", Samples.fingerprints(syntheticPair(711, 0))));
        assertThat(enrolled.status()).as("%s", enrolled).isEqualTo(201);
        String id = enrolled.json().get("id").asString();
        String base = "/api/v1/individuals/" + id;
        ApiClient identify = as(Role.PROTECTION_OFFICER).purpose("REG.VERIFY");
        Map<String, Object> ownFingers = Map.of("fingerprints", Samples.fingerprints(syntheticPair(711, 1)));
        ApiClient dedup = as(Role.ADJUDICATOR).purpose("REG.DEDUP");
        assertThat(dedup.post("/api/v1/biometrics/identifications", ownFingers).json().get("candidates")
                .findValuesAsString("subject")).containsExactly(id);
        assertThat(dpo().get(base).status()).isEqualTo(200);
        JsonNode export = dpo().get(base + "/export").json();
        assertThat(export.get("current").get("names").get("familyName").asString()).isEqualTo(FAMILY);
        assertThat(export.get("fingerprints")).hasSize(2);
        assertThat(export.get("consents").get("records")).hasSize(1);
        assertThat(export.get("disclosures").findValuesAsString("action")).startsWith("BIOMETRIC_ENROL");
        assertThat(export.get("disclosures").findValues("actor")).isEmpty();
        long statistics = statisticsRows();

        ApiClient.Response erased = dpo().delete(base);

        assertThat(erased.status()).as("%s", erased).isEqualTo(200);
        JsonNode receipt = erased.json().get("receipt");
        assertThat(receipt.get("receipt").get("subjectId").asString()).isEqualTo(id);
        assertThat(receipt.get("receipt").get("keyCategoriesDestroyed").toString())
                .isEqualTo("[\"BIOMETRIC\",\"DEMOGRAPHIC\"]");
        assertThat(receipt.get("receipt").get("removed").get("galleryFingers").asInt()).isEqualTo(2);
        assertThat(receipt.get("receipt").get("removed").get("statisticalProjectionRows").asInt()).isEqualTo(1);
        assertThat(erased.text()).doesNotContain(GIVEN, FAMILY, PASSPORT, PHONE);

        // no route yields anything: 410 erased
        assertErased(dpo().get(base));
        assertErased(dpo().get(base + "/history"));
        assertErased(dpo().get(base + "/export"));
        assertErased(dpo().put(base, Map.of("expectedVersion", 1, "reason", "revive", "details",
                Samples.individual(GIVEN, FAMILY, PASSPORT))));
        assertErased(registrar().get(base));
        assertErased(as(Role.PROTECTION_OFFICER).purpose("PROT.CASE").get(base + "/history"));
        assertErased(identify.post("/api/v1/biometrics/verifications", Map.of("subject", id, "fingerprints",
                Samples.fingerprints(syntheticPair(711, 1)))));
        ApiClient.Response search = registrar().post("/api/v1/individuals/search", Map.of("documentNumber", PASSPORT));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().get("items")).isEmpty();
        // the gallery no longer finds their fingers, the statistics no longer count them
        assertThat(dedup.post("/api/v1/biometrics/identifications", ownFingers).json().get("candidates")).isEmpty();
        assertThat(statisticsRows()).isEqualTo(statistics - 1);

        // the receipt verifies offline with the exported public key, and fails when altered
        ApiClient.Response key = as(Role.DATA_PROTECTION_OFFICER).get("/api/v1/keys/signing-key");
        assertThat(key.status()).as("%s", key).isEqualTo(200);
        Path pem = Files.writeString(files.resolve("signing-key.pem"),
                key.json().get("keys").get(0).get("publicKeyPem").asString());
        Path receiptFile = Files.writeString(files.resolve("receipt.json"), receipt.toString());
        assertThat(verify(receiptFile, pem)).isZero();
        ApiClient.Response again = dpo().get(base + "/erasure-receipt");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(receipt);
        Path altered = Files.writeString(files.resolve("altered.json"),
                receipt.toString().replace("\"galleryFingers\":2", "\"galleryFingers\":0"));
        assertThat(verify(altered, pem)).isEqualTo(1);
        assertThat(verify(files.resolve("missing.json"), pem)).isEqualTo(2);

        assertNoPlaintextInDatabase();
    }

    private static void assertErased(ApiClient.Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(410);
        assertThat(r.text()).contains("erased").doesNotContain(GIVEN, FAMILY, PASSPORT, PHONE);
    }

    private static int verify(Path receipt, Path pem) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return ReceiptVerifyCli.run(new String[] {receipt.toString(), pem.toString()}, out, out);
    }

    /** Every table as text (bytea in PostgreSQL's hex form) and every bytea value as raw bytes. */
    private void assertNoPlaintextInDatabase() {
        List<String> tables = jdbc().sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""")
                .query(String.class).list();
        assertThat(tables).contains("individual_version", "erasure_receipt", "audit_event", "fingerprint_capture");
        StringBuilder text = new StringBuilder();
        List<byte[]> blobs = new ArrayList<>();
        for (String table : tables) {
            jdbc().sql("SELECT t::text FROM " + table + " t").query(String.class).list()
                    .forEach(row -> text.append(row).append('\n'));
            jdbc().sql("""
                            SELECT column_name FROM information_schema.columns
                            WHERE table_schema = current_schema() AND table_name = ? AND data_type = 'bytea'""")
                    .param(table).query(String.class).list()
                    .forEach(column -> blobs.addAll(jdbc().sql("SELECT " + column + " FROM " + table
                            + " WHERE " + column + " IS NOT NULL").query((rs, n) -> rs.getBytes(1)).list()));
        }
        String dump = text.toString().toLowerCase(Locale.ROOT);
        assertThat(dump).contains("valley camp", "\\x");
        for (String form : forms()) {
            byte[] utf8 = form.getBytes(StandardCharsets.UTF_8);
            assertThat(dump).as("text dump").doesNotContain(form.toLowerCase(Locale.ROOT));
            assertThat(dump).as("hex in text dump").doesNotContain(HexFormat.of().formatHex(utf8));
            for (byte[] blob : blobs) {
                assertThat(new String(blob, StandardCharsets.ISO_8859_1)).as("bytea")
                        .doesNotContain(new String(utf8, StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static Set<String> forms() {
        Set<String> forms = new LinkedHashSet<>();
        for (String s : List.of(GIVEN, FAMILY, PASSPORT, PHONE)) {
            String plain = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
            forms.add(s);
            forms.add(plain.toLowerCase(Locale.ROOT));
            forms.add(IdentityDocument.normaliseNumber(s));
            forms.add(s.replaceAll("[^0-9A-Za-z]", ""));
        }
        forms.removeIf(f -> f.length() < 6);
        return forms;
    }
}
