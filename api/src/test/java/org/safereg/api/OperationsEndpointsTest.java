package org.safereg.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.privacy.Role;
import tools.jackson.databind.JsonNode;

/** Health probes (details only for ADMIN), metrics (ADMIN), the OpenAPI document and Swagger UI. */
class OperationsEndpointsTest extends ApiIntegrationTest {

    @Test
    void healthIsPublicButItsDetailsAreForAdminsOnly() {
        JsonNode anonymous = api().get("/actuator/health").json();
        assertThat(anonymous.get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        assertThat(as(Role.REGISTRATION_OFFICER).get("/actuator/health").json().has("components")).isFalse();

        JsonNode admin = as(Role.ADMIN).get("/actuator/health").json();
        assertThat(admin.at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(admin.at("/components/keyProvider/status").asString()).isEqualTo("UP");

        assertThat(api().get("/actuator/health/liveness").status()).isEqualTo(200);
        ApiClient.Response readiness = as(Role.ADMIN).get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().at("/components/db/status").asString()).isEqualTo("UP");
    }

    @Test
    void metricsAreForAdmins() {
        assertThat(as(Role.ADMIN).get("/actuator/metrics").json().get("names").isArray()).isTrue();
        assertThat(as(Role.ADMIN).get("/actuator/metrics/http.server.requests").status()).isEqualTo(200);
        assertThat(as(Role.DATA_PROTECTION_OFFICER).get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(api().get("/actuator/metrics").status()).isEqualTo(401);
    }

    @Test
    void openApiDocumentsPurposeIdempotencyAndProblems() {
        ApiClient.Response docs = api().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode enrol = docs.json().at("/paths/~1api~1v1~1individuals/post");
        assertThat(enrol.get("parameters").findValuesAsString("name"))
                .contains("X-Purpose", "Idempotency-Key", "X-Request-Id");
        assertThat(enrol.at("/responses/403/content").has("application/problem+json")).isTrue();
        assertThat(docs.json().at("/components/schemas/Problem").isMissingNode()).isFalse();
        JsonNode listUsers = docs.json().at("/paths/~1api~1v1~1admin~1users/get");
        assertThat(listUsers.get("parameters").findValuesAsString("name")).doesNotContain("X-Purpose");
        assertThat(api().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
