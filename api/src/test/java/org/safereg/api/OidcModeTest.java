package org.safereg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.OidcIssuerTestDouble;
import org.safereg.api.support.Samples;
import org.safereg.api.support.TestEnvironment;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.model.AdminUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With REGISTRY_OIDC_ISSUER_URI set the API is an OAuth2 resource server: it accepts JWTs from the issuer
 * (here an in-JVM {@link OidcIssuerTestDouble}), takes roles from the configured claim (a nested path here),
 * ignores unknown role values, rejects bad tokens with 401 problem+json, and has no local accounts.
 */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcModeTest {
    private static final OidcIssuerTestDouble ISSUER = OidcIssuerTestDouble.start();
    private static final String DATABASE = org.safereg.registration.testing.TestDatabase.shared().newDatabaseUrl();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    RegistrationCore core;

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry registry) {
        registry.add("registry.oidc.issuer-uri", ISSUER::issuer);
        registry.add("registry.oidc.roles-claim", () -> "realm_access.roles");
        registry.add("registry.db.url", () -> DATABASE);
        registry.add("registry.db.user", TestEnvironment::databaseUser);
        registry.add("registry.db.password", TestEnvironment::databasePassword);
        registry.add("registry.data-dir", () -> TestEnvironment.dataDir().resolve("oidc").toString());
        registry.add("registry.keys.keystore-password", () -> TestEnvironment.KEYSTORE_PASSWORD);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    private static Map<String, Object> roles(String... roles) {
        return Map.of("realm_access", Map.of("roles", List.of(roles)));
    }

    @Test
    void validTokenCarriesRolesFromTheConfiguredClaimAndUnknownValuesAreIgnored() {
        String token = ISSUER.token("officer-7", roles("registration_officer", "offline_access", "SUPERUSER"),
                Duration.ofMinutes(5));
        JsonNode me = ApiClient.on(port).bearer(token).get("/api/v1/account").json();
        assertThat(me.get("username").asString()).isEqualTo("officer-7");
        assertThat(me.get("roles").valueStream().map(JsonNode::asString)).containsExactly("REGISTRATION_OFFICER");

        if (core.locations().findAdminUnit("OI").isEmpty()) {
            core.locations().createAdminUnit(AdminUnit.country("OI", "Oidcland"));
        }
        Map<String, Object> person = Samples.individual("Layla", "Ismail", Samples.passport());
        person.put("location", Map.of("adminPcode", "OI"));
        ApiClient.Response enrolled = ApiClient.on(port).bearer(token).purpose("REG.ENROL")
                .header("X-Request-Id", "oidc-enrol-1").post("/api/v1/individuals", Samples.enrolment(person));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        assertThat(JdbcClient.create(dataSource).sql("SELECT actor FROM audit_event WHERE request_id = 'oidc-enrol-1'")
                .query(String.class).single()).isEqualTo("officer-7");
    }

    @Test
    void badTokensAndBasicCredentialsAreRejected() {
        Map<String, Object> admin = roles("ADMIN");
        assertUnauthenticated(ApiClient.on(port).get("/api/v1/account"));
        assertUnauthenticated(ApiClient.on(port).bearer(ISSUER.token("a", admin, Duration.ofMinutes(-10)))
                .get("/api/v1/account"));
        assertUnauthenticated(ApiClient.on(port).bearer(ISSUER.tokenWithUnpublishedKey("a", admin)).get("/api/v1/account"));
        assertUnauthenticated(ApiClient.on(port).bearer(ISSUER.tokenFromOtherIssuer("a", admin)).get("/api/v1/account"));
        assertUnauthenticated(ApiClient.on(port).bearer("not-a-jwt").get("/api/v1/account"));
        assertUnauthenticated(ApiClient.on(port).as("admin", "whatever-password").get("/api/v1/account"));
    }

    @Test
    void noLocalAccountsInOidcMode() {
        String adminToken = ISSUER.token("admin-1", roles("ADMIN"), Duration.ofMinutes(5));
        assertThat(ApiClient.on(port).bearer(adminToken).get("/api/v1/admin/users").status()).isEqualTo(404);
        assertThat(JdbcClient.create(dataSource).sql("SELECT count(*) FROM app_account").query(Long.class).single())
                .as("no bootstrap administrator").isZero();
        String statistician = ISSUER.token("stat-1", roles("STATISTICIAN"), Duration.ofMinutes(5));
        ApiClient.Response forbidden = ApiClient.on(port).bearer(statistician).get("/api/v1/admin/users");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("type").asString()).isEqualTo("urn:safereg:problem:forbidden");
    }

    private static void assertUnauthenticated(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(r.json().get("type").asString()).isEqualTo("urn:safereg:problem:unauthenticated");
    }
}
