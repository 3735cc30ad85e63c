package org.safereg.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.api.support.RunningApp;
import org.safereg.api.support.TestEnvironment;
import org.safereg.privacy.Actor;
import org.safereg.privacy.Role;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The server signs audit checkpoints by itself, audited like any other checkpoint, keeping the chain intact. */
class AuditCheckpointSchedulerTest {
    @TempDir
    Path dataDir;

    @Test
    void checkpointsAreSignedOnScheduleAndTheChainStaysIntact() throws InterruptedException {
        try (RunningApp app = RunningApp.start("registry.data-dir=" + dataDir,
                "registry.db.url=" + TestDatabase.shared().newDatabaseUrl(),
                "registry.db.user=" + TestEnvironment.databaseUser(),
                "registry.db.password=" + TestEnvironment.databasePassword(),
                "registry.keys.keystore-password=" + TestEnvironment.KEYSTORE_PASSWORD,
                "registry.audit.checkpoint-interval=500ms")) {
            RegistrationCore core = app.bean(RegistrationCore.class);
            JdbcClient db = JdbcClient.create(app.bean(DataSource.class));
            RequestContext dpo = new RequestContext(new Actor("dpo", Set.of(Role.DATA_PROTECTION_OFFICER)),
                    Optional.of("AUDIT"), "first-audited-request");
            core.audit().verify(dpo);

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (checkpoints(db) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(checkpoints(db)).isGreaterThanOrEqualTo(2);
            assertThat(db.sql("SELECT count(*) FROM audit_event WHERE actor = ? AND outcome = 'SUCCESS'")
                    .param(AuditCheckpointScheduler.ACTOR).query(Long.class).single()).isGreaterThanOrEqualTo(2);
            assertThat(core.audit().verify(dpo).intact()).isTrue();
        }
    }

    private static long checkpoints(JdbcClient db) {
        return db.sql("SELECT count(*) FROM audit_checkpoint").query(Long.class).single();
    }
}
