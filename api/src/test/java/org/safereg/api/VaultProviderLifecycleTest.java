package org.safereg.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safereg.api.ProblemResponsesTest.assertProblem;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.api.security.AccountService;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.api.support.RunningApp;
import org.safereg.api.support.Samples;
import org.safereg.api.support.TestEnvironment;
import org.safereg.keys.KekProvider;
import org.safereg.keys.KeyProviderUnavailableException;
import org.safereg.keys.vault.TransitTestKeys;
import org.safereg.keys.vault.TransitTestServer;
import org.safereg.privacy.Role;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The server on {@code REGISTRY_KEY_PROVIDER=vault}, over real HTTP, against {@link TransitTestServer} — the
 * in-JVM test double of Vault, not Vault — over TLS with its CA file, logging in with AppRole and a
 * response-wrapped secret_id, on an external database without any keystore passphrase:
 * <ol>
 *   <li>it starts while Vault is sealed: health and readiness DOWN, 503 problem+json on routes that need keys;</li>
 *   <li>Vault unsealed: health UP and enrol/read work, without a restart;</li>
 *   <li>Vault sealed again: 503 on reads and enrolments, health DOWN; unsealed: works again;</li>
 *   <li>audit checkpoints are signed in Vault and verify;</li>
 *   <li>key status reports the Vault key versions; rotation and retirement through the API are refused as
 *       operator actions (409); the operator's rotation in Vault, the re-wrap endpoint (one {@code transit/rewrap}
 *       batch, no data key decrypted) and raising {@code min_decryption_version} keep every record readable;</li>
 *   <li>stopping the server closes the provider.</li>
 * </ol>
 */
class VaultProviderLifecycleTest {
    private static final Duration RECOVERY = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void startsSealedRecoversFailsClosedAndRotatesAsTheOperatorSays() throws Exception {
        try (TransitTestServer vault = TransitTestServer.startTls(dir)) {
            TransitTestKeys keys = TransitTestKeys.provision(vault);
            String kekPath = "transit/keys/" + keys.kekKeyName();
            KekProvider provider;
            vault.seal();
            try (RunningApp app = RunningApp.start(properties(vault, keys))) {
                provider = app.bean(KekProvider.class);
                ApiIntegrationTest.createFixtures(app.bean(AccountService.class), app.bean(RegistrationCore.class));
                ApiClient anonymous = app.api();
                ApiClient registrar = ApiIntegrationTest.signedIn(app.api(), Role.REGISTRATION_OFFICER).purpose("REG.ENROL");
                ApiClient admin = ApiIntegrationTest.signedIn(app.api(), Role.ADMIN);
                ApiClient keyOfficer = ApiIntegrationTest.signedIn(app.api(), Role.DATA_PROTECTION_OFFICER).purpose("ADMIN.KEYS");
                ApiClient auditor = ApiIntegrationTest.signedIn(app.api(), Role.DATA_PROTECTION_OFFICER).purpose("AUDIT");

                // 1. started while sealed
                assertDown(anonymous, admin);
                assertProblem(registrar.post("/api/v1/individuals", Samples.enrolment(Samples.individual("Sealed", "Start", Samples.passport()))),
                        503, "unavailable");

                // 2. unsealed: recovers by itself
                vault.unseal();
                awaitUp(anonymous);
                String passport = Samples.passport();
                String first = enrol(registrar, "Khadra", passport);
                assertThat(readGivenName(registrar, first)).isEqualTo("Khadra");

                // 3. sealed while running: fail closed (the failed health probe also emptied the data-key cache)
                vault.seal();
                assertDown(anonymous, admin);
                ApiClient.Response read = registrar.get("/api/v1/individuals/" + first);
                assertProblem(read, 503, "unavailable");
                assertThat(read.text()).doesNotContain("Khadra", passport, "vault:", "transit");
                assertProblem(registrar.post("/api/v1/individuals", Samples.enrolment(Samples.individual("Sealed", "Run", Samples.passport()))),
                        503, "unavailable");
                vault.unseal();
                awaitUp(anonymous);
                assertThat(readGivenName(registrar, first)).isEqualTo("Khadra");
                String second = enrol(registrar, "Idil", Samples.passport());

                // 4. checkpoints signed with the Transit ed25519 key
                ApiClient.Response checkpoint = auditor.post("/api/v1/audit/checkpoints", Map.of());
                assertThat(checkpoint.status()).as(checkpoint.toString()).isEqualTo(201);
                assertThat(checkpoint.json().get("keyId").asString()).startsWith("vault:");
                assertThat(auditor.get("/api/v1/audit/verification").json().get("intact").asBoolean()).isTrue();

                // 5. key versions; rotation is the operator's, in Vault
                JsonNode status = keyOfficer.get("/api/v1/keys/status").json();
                assertThat(status.get("primaryVersion").asInt()).isEqualTo(1);
                long wrappedKeys = status.at("/wrappedKeysByVersion/1").asLong();
                assertThat(wrappedKeys).isPositive();
                JsonNode refused = assertProblem(keyOfficer.post("/api/v1/keys/rotations", Map.of()), 409,
                        "operator-action-required");
                assertThat(refused.get("detail").asString()).contains("operator action");

                keys.rotateKek();
                status = keyOfficer.get("/api/v1/keys/status").json();
                assertThat(status.get("primaryVersion").asInt()).isEqualTo(2);
                assertThat(ints(status.get("activeVersions"))).containsExactly(1, 2);
                assertThat(status.get("pendingRewrap").asLong()).isEqualTo(wrappedKeys);

                long decrypts = vault.count("POST transit/decrypt/" + keys.kekKeyName());
                ApiClient.Response rewrap = keyOfficer.post("/api/v1/keys/rewrap?batchSize=500", Map.of());
                assertThat(rewrap.status()).as(rewrap.toString()).isEqualTo(200);
                assertThat(rewrap.json().get("rewrapped").asLong()).isEqualTo(wrappedKeys);
                assertThat(rewrap.json().get("done").asBoolean()).isTrue();
                assertThat(vault.count("POST transit/rewrap/" + keys.kekKeyName())).as("one batch request").isEqualTo(1);
                assertThat(vault.count("POST transit/decrypt/" + keys.kekKeyName()))
                        .as("re-wrap never decrypts a data key in the application").isEqualTo(decrypts);

                JsonNode retire = assertProblem(keyOfficer.post("/api/v1/keys/versions/1/retire", Map.of()), 409,
                        "operator-action-required");
                assertThat(retire.get("detail").asString()).contains("min_decryption_version");
                assertProblem(keyOfficer.post("/api/v1/keys/versions/2/retire", Map.of()), 409, "kek-version-in-use");
                keys.setMinDecryptionVersion(2);
                status = keyOfficer.get("/api/v1/keys/status").json();
                assertThat(ints(status.get("activeVersions"))).containsExactly(2);
                assertThat(status.at("/wrappedKeysByVersion/2").asLong()).isEqualTo(wrappedKeys);
                assertThat(status.get("pendingRewrap").asLong()).isZero();

                // re-wrapped keys are new ciphertexts, so these reads unwrap in Vault under version 2
                assertThat(readGivenName(registrar, first)).isEqualTo("Khadra");
                assertThat(readGivenName(registrar, second)).isEqualTo("Idil");
                assertThat(vault.requests()).contains("GET " + kekPath).noneMatch(r -> r.contains("/data/"));
            }
            // 6. closed with the application
            assertThatThrownBy(provider::checkAvailable).isInstanceOf(KeyProviderUnavailableException.class)
                    .hasMessageContaining("closed");
        }
    }

    /** The server's properties: external database, AppRole with a wrapped secret_id, TLS, no keystore passphrase. */
    private String[] properties(TransitTestServer vault, TransitTestKeys keys) {
        TransitTestServer.AppRoleCredentials role = vault.createAppRole(Duration.ofHours(1), Duration.ofHours(24),
                keys.policyName());
        Map<String, String> vaultProperties = TestEnvironment.vaultProperties(keys.config());
        vaultProperties.remove("registry.vault.token");
        vaultProperties.put("registry.vault.role-id", role.roleId());
        vaultProperties.put("registry.vault.secret-id", vault.wrappedSecretId(role.roleId()));
        List<String> properties = new ArrayList<>(List.of(
                "registry.data-dir=" + dir.resolve("data"),
                "registry.db.url=" + TestDatabase.shared().newDatabaseUrl(),
                "registry.db.user=" + TestDatabase.shared().user(),
                "registry.db.password=" + TestDatabase.shared().password(),
                "registry.keys.provider=vault"));
        vaultProperties.forEach((name, value) -> properties.add(name + "=" + value));
        return properties.toArray(String[]::new);
    }

    private static void assertDown(ApiClient anonymous, ApiClient admin) {
        ApiClient.Response health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
        JsonNode details = admin.get("/actuator/health").json();
        assertThat(details.at("/components/keyProvider/status").asString()).isEqualTo("DOWN");
        assertThat(details.at("/components/keyProvider/details/reason").asString()).contains("sealed");
        assertThat(details.at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(503);
    }

    /** Health comes back by itself (logins after a failure are retried at most once a second). */
    private static void awaitUp(ApiClient anonymous) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (anonymous.get("/actuator/health").status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("health did not come back within " + RECOVERY);
            }
            Thread.sleep(200);
        }
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    private static String enrol(ApiClient registrar, String given, String passport) {
        ApiClient.Response enrolled = registrar.post("/api/v1/individuals", Samples.enrolment(Samples.individual(given, "Vault", passport)));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        return enrolled.json().get("id").asString();
    }

    private static String readGivenName(ApiClient registrar, String id) {
        ApiClient.Response read = registrar.get("/api/v1/individuals/" + id);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json().at("/details/names/givenName").asString();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asInt()));
        return values;
    }
}
