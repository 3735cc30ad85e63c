package org.safereg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.privacy.Role;
import tools.jackson.databind.JsonNode;

/** Local accounts over HTTP: creation with a one-time password, forced change, listing, disabling. */
class AccountsTest extends ApiIntegrationTest {

    @Test
    void newUserMustChangeTheOneTimePasswordBeforeAnythingElse() {
        ApiClient admin = as(Role.ADMIN);
        ApiClient.Response created = admin.post("/api/v1/admin/users",
                Map.of("username", "newofficer", "roles", List.of("REGISTRATION_OFFICER", "PROTECTION_OFFICER")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        String oneTime = created.json().get("oneTimePassword").asString();
        assertThat(oneTime).hasSize(20);

        ApiClient user = api().as("newofficer", oneTime);
        assertThat(user.get("/api/v1/account").json().get("type").asString())
                .isEqualTo("urn:safereg:problem:password-change-required");
        assertThat(user.purpose("REG.ENROL").get("/api/v1/locations").status()).isEqualTo(403);
        ApiClient.Response tooShort = user.post("/api/v1/account/password", Map.of("newPassword", "short"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
        assertThat(tooShort.text()).doesNotContain("short\"");
        assertThat(user.post("/api/v1/account/password", Map.of("newPassword", oneTime)).status())
                .as("the one-time password cannot be kept").isEqualTo(400);
        assertThat(user.post("/api/v1/account/password", Map.of("newPassword", "my own passphrase 42")).status())
                .isEqualTo(204);

        assertThat(user.get("/api/v1/account").status()).as("old password no longer accepted").isEqualTo(401);
        JsonNode me = api().as("newofficer", "my own passphrase 42").get("/api/v1/account").json();
        assertThat(me.get("username").asString()).isEqualTo("newofficer");
        assertThat(me.get("roles").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("REGISTRATION_OFFICER", "PROTECTION_OFFICER");
        assertThat(me.get("passwordChangeRequired").asBoolean()).isFalse();

        JsonNode list = admin.get("/api/v1/admin/users").json();
        assertThat(list.findValuesAsString("username")).contains("admin", "newofficer");
        assertThat(admin.get("/api/v1/admin/users").text()).doesNotContain("argon2", "password_hash", oneTime);
    }

    @Test
    void disabledUserIsRejectedAtOnceAndTheLastAdminCannotBeDisabled() {
        ApiClient admin = as(Role.ADMIN);
        String oneTime = admin.post("/api/v1/admin/users", Map.of("username", "leaving", "roles", List.of("STATISTICIAN")))
                .json().get("oneTimePassword").asString();
        ApiClient user = api().as("leaving", oneTime);
        user.post("/api/v1/account/password", Map.of("newPassword", "leaving passphrase 1"));
        user = api().as("leaving", "leaving passphrase 1");
        assertThat(user.get("/api/v1/account").status()).isEqualTo(200);

        assertThat(admin.post("/api/v1/admin/users/leaving/disable", null).status()).isEqualTo(204);
        assertThat(user.get("/api/v1/account").status()).as("even with a cached verification").isEqualTo(401);
        assertThat(admin.post("/api/v1/admin/users/nobody/disable", null).status()).isEqualTo(404);

        ApiClient.Response lastAdmin = admin.post("/api/v1/admin/users/admin/disable", null);
        assertThat(lastAdmin.status()).isEqualTo(409);
        assertThat(lastAdmin.json().get("type").asString()).isEqualTo("urn:safereg:problem:conflict");
    }
}
