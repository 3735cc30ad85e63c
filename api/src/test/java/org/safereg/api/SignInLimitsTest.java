package org.safereg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.api.security.AccountService;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.RunningApp;
import org.safereg.api.support.TestEnvironment;
import org.safereg.privacy.Role;
import org.safereg.registration.testing.TestDatabase;

/**
 * HTTP Basic cannot be used to exhaust memory or to guess passwords at speed: password verifications (Argon2id,
 * 19 MiB each) run only a few at a time and a request that cannot get a turn is answered 503
 * {@code authentication-busy}; after too many failures for an account name or from a client address, attempts are
 * answered 429 {@code too-many-attempts} without verifying, until the window ends.
 */
class SignInLimitsTest {
    @TempDir
    Path dataDir;

    private RunningApp start(String... signIn) {
        List<String> properties = new ArrayList<>(List.of(
                "registry.db.url=" + TestDatabase.shared().newDatabaseUrl(),
                "registry.db.user=" + TestEnvironment.databaseUser(),
                "registry.db.password=" + TestEnvironment.databasePassword(),
                "registry.data-dir=" + dataDir,
                "registry.keys.keystore-password=" + TestEnvironment.KEYSTORE_PASSWORD));
        for (String p : signIn) {
            properties.add("registry.accounts.sign-in." + p);
        }
        return RunningApp.start(properties.toArray(String[]::new));
    }

    private static String account(RunningApp app, String name) {
        AccountService accounts = app.bean(AccountService.class);
        accounts.create(name, Set.of(Role.REGISTRATION_OFFICER));
        String password = name + "-chosen-password-1";
        accounts.changePassword(name, password);
        return password;
    }

    @Test
    void concurrentWrongPasswordsAreBoundedAndTheServerStaysHealthy() throws Exception {
        try (RunningApp app = start("max-concurrent-verifications=1", "verification-wait=20ms",
                "max-failures-per-account=0", "max-failures-per-client=10000")) {
            String password = account(app, "fieldworker");
            int requests = 60;
            ExecutorService pool = Executors.newFixedThreadPool(requests);
            try {
                List<Callable<ApiClient.Response>> calls = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    String name = i % 2 == 0 ? "fieldworker" : "nobody" + i;
                    calls.add(() -> app.api().as(name, "wrong-password-" + name).get("/api/v1/account"));
                }
                List<ApiClient.Response> responses = new ArrayList<>();
                for (Future<ApiClient.Response> f : pool.invokeAll(calls)) {
                    responses.add(f.get());
                }
                Map<Integer, Long> statuses = responses.stream()
                        .collect(Collectors.groupingBy(ApiClient.Response::status, Collectors.counting()));
                assertThat(statuses.keySet()).as(statuses.toString()).isSubsetOf(401, 429, 503);
                assertThat(statuses).as("some attempts found no free verification slot").containsKey(503);
                ApiClient.Response busy = responses.stream().filter(r -> r.status() == 503).findFirst().orElseThrow();
                assertThat(busy.header("Content-Type")).isEqualTo("application/problem+json");
                assertThat(busy.json().get("type").asString()).isEqualTo("urn:safereg:problem:authentication-busy");
                assertThat(busy.header("Retry-After")).isEqualTo("1");
            } finally {
                pool.shutdownNow();
            }
            assertThat(app.api().get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
            assertThat(app.api().as("fieldworker", password).get("/api/v1/account").status()).isEqualTo(200);
        }
    }

    @Test
    void repeatedFailuresAreThrottledPerAccountAndPerClientUntilTheWindowEnds() throws Exception {
        try (RunningApp app = start("max-failures-per-account=3", "max-failures-per-client=6",
                "failure-window=6s")) {
            String alice = account(app, "alice");
            String bob = account(app, "bob");
            ApiClient api = app.api();
            for (int i = 0; i < 3; i++) {
                assertThat(api.as("alice", "guess-" + i).get("/api/v1/account").status()).isEqualTo(401);
            }
            ApiClient.Response throttled = api.as("alice", "guess-3").get("/api/v1/account");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(throttled.json().get("type").asString()).isEqualTo("urn:safereg:problem:too-many-attempts");
            assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 6L);
            assertThat(api.as("alice", alice).get("/api/v1/account").status())
                    .as("not even the right password is checked while throttled").isEqualTo(429);
            assertThat(api.as("bob", bob).get("/api/v1/account").status()).as("other accounts unaffected")
                    .isEqualTo(200);

            for (int i = 0; i < 3; i++) {
                assertThat(api.as("nobody" + i, "guess").get("/api/v1/account").status()).isEqualTo(401);
            }
            ApiClient.Response clientThrottled = api.as("bob", bob).get("/api/v1/account");
            assertThat(clientThrottled.status()).as("six failures from this address").isEqualTo(429);

            Thread.sleep(Long.parseLong(clientThrottled.header("Retry-After")) * 1000 + 500);
            assertThat(api.as("alice", alice).get("/api/v1/account").status()).as("window over").isEqualTo(200);
            assertThat(api.as("bob", bob).get("/api/v1/account").status()).isEqualTo(200);
        }
    }
}
