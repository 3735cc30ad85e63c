package org.safereg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.api.security.AccountService;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.RunningApp;
import org.safereg.api.support.TestEnvironment;
import org.safereg.registration.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * A disk filling up shows in health: with less free space than {@code REGISTRY_DISK_SPACE_THRESHOLD} where the
 * data lives, the {@code diskSpace} component and the overall status are DOWN; liveness and readiness stay UP
 * (restarting would not free any space).
 */
class DiskSpaceHealthTest {
    @TempDir
    Path dataDir;

    @Test
    void lowDiskSpaceMakesHealthDown() {
        try (RunningApp app = RunningApp.start("registry.data-dir=" + dataDir,
                "registry.db.url=" + TestDatabase.shared().newDatabaseUrl(),
                "registry.db.user=" + TestEnvironment.databaseUser(),
                "registry.db.password=" + TestEnvironment.databasePassword(),
                "registry.keys.keystore-password=" + TestEnvironment.KEYSTORE_PASSWORD,
                "management.health.diskspace.threshold=1000TB")) {
            app.bean(AccountService.class).changePassword(AccountService.BOOTSTRAP_ADMIN, "admin-chosen-password-1");
            ApiClient.Response health = app.api().as(AccountService.BOOTSTRAP_ADMIN, "admin-chosen-password-1")
                    .get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            JsonNode disk = health.json().at("/components/diskSpace");
            assertThat(disk.get("status").asString()).isEqualTo("DOWN");
            assertThat(disk.at("/details/path").asString()).isEqualTo(dataDir.toAbsolutePath().toString());
            assertThat(health.json().at("/components/db/status").asString()).isEqualTo("UP");
            assertThat(app.api().get("/actuator/health").json().get("status").asString()).isEqualTo("DOWN");
            assertThat(app.api().get("/actuator/health/liveness").status()).isEqualTo(200);
        }
    }
}
