package org.safereg.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.api.config.StartupFailure;
import org.safereg.api.db.EmbeddedPostgresServer;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.RunningApp;
import org.safereg.api.support.Samples;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default, as README command 1 runs it (no database URL, no keystore password): first start
 * creates the database (password-protected), keystore, generated passphrase and bootstrap administrator
 * (password printed once);
 * a second process on the same data directory is refused; a restart on the same directory finds the records,
 * the accounts and the same keystore, and prints no new password; when the PostgreSQL process dies the API
 * answers 503, health and the {@code embeddedDatabase} component are DOWN, and liveness turns DOWN so that a
 * supervisor restarts the server. Health also reports the free disk space where the database lives.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDefaultLifecycleTest {
    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password:\\s+(\\S+)");

    @TempDir
    Path dataDir;

    @Test
    void firstStartRestartAndDatabaseOutage(CapturedOutput output) throws Exception {
        String[] properties = {"registry.data-dir=" + dataDir, "logging.level.org.safereg.api.db=INFO"};
        Path keystore = dataDir.resolve("keys/kek.bcfks");
        Path passphrase = dataDir.resolve("keys/kek.bcfks.passphrase");
        String individualId;
        String passport = Samples.passport();
        String adminPassword = "admin-chosen-password-1";
        String officerPassword = "officer-chosen-password-1";

        try (RunningApp first = RunningApp.start(properties)) {
            Matcher m = ONE_TIME_PASSWORD.matcher(output.getOut());
            assertThat(m.find()).as("bootstrap password banner").isTrue();
            String oneTime = m.group(1);
            assertThat(output.getAll()).contains("EVALUATION ONLY");
            assertThat(Files.getPosixFilePermissions(passphrase)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(keystore)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("postgres.password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String unauthenticated = "jdbc:postgresql://localhost:" + first.bean(EmbeddedPostgresServer.class).port()
                    + "/" + EmbeddedPostgresServer.DATABASE;
            assertThatThrownBy(() -> DriverManager.getConnection(unauthenticated, "postgres", "").close())
                    .as("the embedded database needs its password").isInstanceOf(SQLException.class);

            ApiClient admin = first.api().as("admin", oneTime);
            assertThat(admin.get("/api/v1/admin/users").json().get("type").asString())
                    .isEqualTo("urn:safereg:problem:password-change-required");
            assertThat(admin.post("/api/v1/account/password", Map.of("newPassword", adminPassword)).status()).isEqualTo(204);
            admin = first.api().as("admin", adminPassword);
            assertThat(first.api().as("admin", oneTime).get("/api/v1/account").status()).isEqualTo(401);

            ApiClient.Response created = admin.post("/api/v1/admin/users",
                    Map.of("username", "officer", "roles", List.of("REGISTRATION_OFFICER")));
            assertThat(created.status()).isEqualTo(201);
            ApiClient officer = first.api().as("officer", created.json().get("oneTimePassword").asString());
            assertThat(officer.post("/api/v1/account/password", Map.of("newPassword", officerPassword)).status())
                    .isEqualTo(204);
            officer = first.api().as("officer", officerPassword);

            assertThat(output.getAll()).as("initdb set the password: never a server trusting localhost to switch")
                    .contains("Embedded PostgreSQL serving")
                    .doesNotContain("now requires a password");
            JsonNode health = admin.get("/actuator/health").json();
            assertThat(health.at("/components/embeddedDatabase/status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/diskSpace/status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/diskSpace/details/threshold").asLong()).isEqualTo(1024L * 1024 * 1024);

            assertThat(admin.post("/api/v1/locations", Map.of("pcode", "AB", "level", 0, "name", "Country")).status())
                    .isEqualTo(201);
            assertThat(officer.post("/api/v1/locations",
                    Map.of("pcode", "AB01", "level", 1, "parentPcode", "AB", "name", "Region")).status()).isEqualTo(201);
            assertThat(officer.post("/api/v1/sites",
                    Map.of("id", "AB-S1", "name", "Camp", "type", "CAMP_OR_SITE", "adminPcode", "AB01")).status())
                    .isEqualTo(201);
            Map<String, Object> person = Samples.individual("Halima", "Abdi", passport);
            person.put("location", Map.of("adminPcode", "AB01", "siteId", "AB-S1"));
            ApiClient.Response enrolled = officer.purpose("REG.ENROL").post("/api/v1/individuals", Samples.enrolment(person));
            assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
            individualId = enrolled.json().get("id").asString();

            assertThatThrownBy(() -> RunningApp.start(properties).close())
                    .as("a second server on the same data directory")
                    .hasRootCauseInstanceOf(java.nio.channels.OverlappingFileLockException.class)
                    .satisfies(e -> assertThat(findStartupFailure(e).getMessage()).contains("is in use"));
        }
        byte[] keystoreBytes = Files.readAllBytes(keystore);
        String passphraseText = Files.readString(passphrase);

        try (RunningApp second = RunningApp.start(properties)) {
            assertThat(ONE_TIME_PASSWORD.matcher(output.getOut()).results().count())
                    .as("the bootstrap password is printed only on the first start").isEqualTo(1);
            ApiClient officer = second.api().as("officer", officerPassword).purpose("REG.ENROL");
            ApiClient.Response read = officer.get("/api/v1/individuals/" + individualId);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().at("/details/names/givenName").asString()).isEqualTo("Halima");
            assertThat(read.json().at("/details/documents/0/number").asString()).isEqualTo(passport);
            assertThat(Files.readString(passphrase)).isEqualTo(passphraseText);
            assertThat(Files.readAllBytes(keystore)).isEqualTo(keystoreBytes);

            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
            ProcessHandle process = ProcessHandle.of(postmaster).orElseThrow();
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
            ApiClient.Response down = officer.get("/api/v1/individuals/" + individualId);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(down.json().get("type").asString()).isEqualTo("urn:safereg:problem:unavailable");
            assertThat(down.text()).doesNotContain("Halima", "Exception", "jdbc");
            ApiClient.Response health = second.api().get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
            assertThat(second.bean("embeddedDatabase", HealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.DOWN);
            ApiClient.Response liveness = second.api().get("/actuator/health/liveness");
            for (int i = 0; i < 60 && liveness.status() == 200; i++) {
                Thread.sleep(250);
                liveness = second.api().get("/actuator/health/liveness");
            }
            assertThat(liveness.status()).as("liveness DOWN, so a supervisor restarts the server").isEqualTo(503);
            assertThat(liveness.json().get("status").asString()).isEqualTo("DOWN");
        }
    }

    private static StartupFailure findStartupFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StartupFailure f) {
                return f;
            }
        }
        throw new AssertionError("no StartupFailure in the cause chain", e);
    }
}
