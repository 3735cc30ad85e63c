package org.safereg.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.api.db.EmbeddedPostgresServer;
import org.safereg.api.security.AccountService;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.RunningApp;
import org.safereg.api.support.Samples;
import org.safereg.api.support.TestEnvironment;
import org.safereg.privacy.Role;
import org.safereg.registration.testing.TestDatabase;

/**
 * The application's own database connections cannot undo the audit trail's append-only guarantee: on the
 * embedded default they log in as {@value EmbeddedPostgresServer#APPLICATION_ROLE}, which owns no table, and
 * with an external database and {@code REGISTRY_DB_MIGRATION_USER} as {@code REGISTRY_DB_USER}; either way the
 * login may append to {@code audit_event} and {@code audit_checkpoint} but not update, delete, truncate, alter
 * them or disable their triggers, while enrolment, audit checkpoints and verification work over HTTP.
 */
class DatabaseRolesTest {
    @TempDir
    Path dataDir;

    @Test
    void embeddedDefaultConnectsAsALoginThatCannotRewriteTheAuditTrail() throws Exception {
        try (RunningApp app = RunningApp.start("registry.data-dir=" + dataDir)) {
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("postgres.app.password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            DataSource pool = app.bean(DataSource.class);
            assertThat(currentUser(pool)).isEqualTo(EmbeddedPostgresServer.APPLICATION_ROLE);
            workingRegistry(app);
            assertAuditTrailIsAppendOnlyFor(pool);
            assertRefused(pool, "CREATE TABLE smuggled (x int)", "permission denied");
            assertRefused(pool, "SELECT * FROM flyway_schema_history", "permission denied");
            assertRefused(pool, "SET ROLE postgres", "permission denied");
            assertRefused(pool, "ALTER TABLE individual DISABLE TRIGGER ALL", "must be owner");
        }
        try (RunningApp restarted = RunningApp.start("registry.data-dir=" + dataDir)) {
            assertThat(currentUser(restarted.bean(DataSource.class))).isEqualTo(EmbeddedPostgresServer.APPLICATION_ROLE);
            assertAuditTrailIsAppendOnlyFor(restarted.bean(DataSource.class));
        }
    }

    @Test
    void externalDatabaseWithAMigrationLoginGrantsTheApplicationLoginOnlyWhatItNeeds() throws Exception {
        TestDatabase server = TestDatabase.shared();
        String url = withoutCredentials(server.newDatabaseUrl());
        String appRole = "t_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String appPassword = UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + appRole + " LOGIN PASSWORD '" + appPassword + "'");
        } catch (SQLException e) {
            Assumptions.abort("the test server's user cannot create roles: " + e.getSQLState());
        }
        try (RunningApp app = RunningApp.start("registry.data-dir=" + dataDir, "registry.db.url=" + url,
                "registry.db.user=" + appRole, "registry.db.password=" + appPassword,
                "registry.db.migration-user=" + server.user(), "registry.db.migration-password=" + server.password(),
                "registry.keys.keystore-password=" + TestEnvironment.KEYSTORE_PASSWORD)) {
            DataSource pool = app.bean(DataSource.class);
            assertThat(currentUser(pool)).isEqualTo(appRole);
            workingRegistry(app);
            assertAuditTrailIsAppendOnlyFor(pool);
        } finally {
            try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
                 Statement s = c.createStatement()) {
                s.execute("DROP OWNED BY " + appRole);
                s.execute("DROP ROLE " + appRole);
            }
        }
    }

    /** Accounts, a location, an enrolment, a signed checkpoint and an intact verification, over HTTP. */
    private static void workingRegistry(RunningApp app) {
        AccountService accounts = app.bean(AccountService.class);
        accounts.changePassword(AccountService.BOOTSTRAP_ADMIN, "admin-chosen-password-1");
        for (Map.Entry<String, Role> user : Map.of("officer", Role.REGISTRATION_OFFICER,
                "dpo", Role.DATA_PROTECTION_OFFICER).entrySet()) {
            accounts.create(user.getKey(), Set.of(user.getValue()));
            accounts.changePassword(user.getKey(), user.getKey() + "-chosen-password-1");
        }
        ApiClient admin = app.api().as(AccountService.BOOTSTRAP_ADMIN, "admin-chosen-password-1");
        assertThat(admin.post("/api/v1/locations", Map.of("pcode", "AB", "level", 0, "name", "Country")).status())
                .isEqualTo(201);
        Map<String, Object> person = Samples.individual("Idil", "Warsame", Samples.passport());
        person.put("location", Map.of("adminPcode", "AB"));
        ApiClient.Response enrolled = app.api().as("officer", "officer-chosen-password-1").purpose("REG.ENROL")
                .post("/api/v1/individuals", Samples.enrolment(person));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        ApiClient dpo = app.api().as("dpo", "dpo-chosen-password-1").purpose("AUDIT");
        assertThat(dpo.post("/api/v1/audit/checkpoints", null).status()).isEqualTo(201);
        ApiClient.Response verified = dpo.get("/api/v1/audit/verification");
        assertThat(verified.json().get("intact").asBoolean()).as(verified.toString()).isTrue();
    }

    private static void assertAuditTrailIsAppendOnlyFor(DataSource pool) throws SQLException {
        for (String table : List.of("audit_event", "audit_checkpoint")) {
            assertRefused(pool, "UPDATE " + table + " SET seq = seq", "permission denied");
            assertRefused(pool, "DELETE FROM " + table, "permission denied");
            assertRefused(pool, "TRUNCATE " + table, "permission denied");
            assertRefused(pool, "ALTER TABLE " + table + " DISABLE TRIGGER USER", "must be owner");
            assertRefused(pool, "DROP TABLE " + table, "must be owner");
        }
        assertRefused(pool, "DELETE FROM audit_head", "permission denied");
        assertRefused(pool, "INSERT INTO audit_head (id, seq, hash) VALUES (2, 0, '\\x00')", "permission denied");
    }

    private static void assertRefused(DataSource pool, String sql, String reason) {
        assertThatThrownBy(() -> {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }).as(sql).isInstanceOf(SQLException.class).hasMessageContaining(reason);
    }

    /** The URL without user or password parameters (which would override the configured logins). */
    private static String withoutCredentials(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        if (q < 0) {
            return jdbcUrl;
        }
        String params = Arrays.stream(jdbcUrl.substring(q + 1).split("&"))
                .filter(p -> !p.startsWith("user=") && !p.startsWith("password="))
                .collect(Collectors.joining("&"));
        return jdbcUrl.substring(0, q) + (params.isEmpty() ? "" : "?" + params);
    }

    private static String currentUser(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
