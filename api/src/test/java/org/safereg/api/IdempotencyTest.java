package org.safereg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.api.support.Samples;
import org.safereg.privacy.Role;

/** The same enrolment sent several times concurrently over HTTP, with one Idempotency-Key, creates one record. */
class IdempotencyTest extends ApiIntegrationTest {
    private static final int CONCURRENT = 8;

    @Test
    void concurrentRetriesOfOneIndividualEnrolmentCreateOneRecord() throws Exception {
        String passport = Samples.passport();
        Map<String, Object> person = Samples.individual("Sahra", "Jama", passport);
        ApiClient client = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL")
                .header("Idempotency-Key", "enrol-" + UUID.randomUUID());
        // one sign-in first (remembered by the credential cache): the test is about idempotency, not about 8
        // concurrent password verifications, which a loaded machine answers with 503 authentication-busy
        assertThat(client.get("/api/v1/account").status()).isEqualTo(200);
        List<ApiClient.Response> responses = concurrently(() -> client.post("/api/v1/individuals", Samples.enrolment(person)));

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).extracting(r -> r.json().get("id").asString()).containsOnly(
                responses.get(0).json().get("id").asString());
        assertThat(responses).filteredOn(r -> r.status() == 200)
                .allSatisfy(r -> assertThat(r.json().get("replayed").asBoolean()).isTrue());

        ApiClient.Response found = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL")
                .post("/api/v1/individuals/search", Map.of("documentNumber", passport));
        assertThat(found.json().get("items")).hasSize(1);
    }

    @Test
    void concurrentRetriesOfOneHouseholdEnrolmentCreateOneHousehold() throws Exception {
        String headPassport = Samples.passport();
        Map<String, Object> household = Map.of(
                "head", Samples.individual("Abdi", "Hassan", headPassport),
                "members", List.of(Map.of("details", Samples.individual("Ifrah", "Hassan", Samples.passport()),
                        "relationshipToHead", "SPOUSE")), "consent", Samples.consent());
        ApiClient client = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL")
                .header("Idempotency-Key", "household-" + UUID.randomUUID());
        // one sign-in first (remembered by the credential cache): the test is about idempotency, not about 8
        // concurrent password verifications, which a loaded machine answers with 503 authentication-busy
        assertThat(client.get("/api/v1/account").status()).isEqualTo(200);
        List<ApiClient.Response> responses = concurrently(() -> client.post("/api/v1/households", household));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).extracting(r -> r.json().get("household").asString()).containsOnly(
                responses.get(0).json().get("household").asString());
        ApiClient.Response found = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL")
                .post("/api/v1/individuals/search", Map.of("documentNumber", headPassport));
        assertThat(found.json().get("items")).hasSize(1);
    }

    private static List<ApiClient.Response> concurrently(java.util.concurrent.Callable<ApiClient.Response> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
