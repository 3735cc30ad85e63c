package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.ProviderSignature;
import org.safereg.keys.testing.TestKek;
import org.safereg.privacy.audit.AuditChain;
import org.safereg.privacy.audit.AuditCheckpoint;
import org.safereg.privacy.audit.AuditVerification;
import org.safereg.privacy.audit.ChainedAuditEvent;
import org.safereg.registration.audit.AuditLog;
import org.safereg.registration.audit.AuditVerifyCommand;
import org.safereg.registration.storage.Transactions;
import org.springframework.dao.DataAccessException;

/**
 * The audit trail is append-only for the application and tamper-evident for an attacker with database
 * superuser rights (who disables the triggers): edits, deletions, swaps, truncation below a signed checkpoint,
 * and deletion or rewriting of the tail after the last checkpoint (against the recorded head) are each detected
 * at the right sequence number; checkpoints kept outside the database catch an attacker who also rewinds the head. Each test runs on a fresh database.
 */
class AuditTamperTest {
    @TempDir
    static Path keys;
    static TestKek kek;
    CoreFixture f;
    /** The checkpoint of rows 1..8, as an operator would keep it outside the database. */
    AuditCheckpoint kept;

    @BeforeAll
    static void openKeyProvider() {
        kek = TestKek.open(keys);
    }

    @AfterAll
    static void closeKeyProvider() {
        kek.close();
    }

    @BeforeEach
    void setUp() {
        f = new CoreFixture(kek);
        for (int i = 0; i < 4; i++) {
            var id = f.core.individuals().enrol(f.registrar(), TestConsents.standard(), CoreFixture.rapid("Audited" + i, CoreFixture.DISTRICT),
                    Optional.empty()).id();
            f.core.individuals().read(f.registrar(), id);
        }
        // rows 1..8 exist; the checkpoint covers them, the checkpoint call itself is row 9
        kept = f.core.audit().checkpoint(f.dpo("AUDIT"));
        assertThat(kept.sequence()).isEqualTo(8);
        f.core.individuals().enrol(f.registrar(), TestConsents.standard(), CoreFixture.rapid("After", CoreFixture.DISTRICT), Optional.empty());
        assertThat(f.auditCount()).isEqualTo(10);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private AuditVerification verify() {
        return AuditVerifyCommand.verify(f.dataSource, f.kek);
    }

    private void asAttacker(String sql) {
        f.jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
        f.jdbc.sql(sql).update();
        f.jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER USER").update();
    }

    @Test
    void anIntactChainVerifiesThroughTheServiceAndTheCommand() {
        AuditVerification viaService = f.core.audit().verify(f.dpo("AUDIT"));
        assertThat(viaService.intact()).isTrue();
        assertThat(viaService.rowsChecked()).isEqualTo(10);
        assertThat(viaService.checkpointsChecked()).isEqualTo(1);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AuditVerifyCommand.run(f.dataSource, f.kek, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("intact", "11 rows");
        assertThat(f.auditAfter(10)).containsExactly("AUDIT_VERIFY/SUCCESS");
    }

    @Test
    void concurrentOperationsAppendOneLinearChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                calls.add(pool.submit(() -> f.core.individuals().enrol(f.registrar(), TestConsents.standard(),
                        CoreFixture.rapid("Parallel" + n, CoreFixture.DISTRICT), Optional.empty())));
            }
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        AuditVerification v = verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.rowsChecked()).isEqualTo(50);
        assertThat(f.jdbc.sql("SELECT seq || '/' || encode(hash, 'hex') FROM audit_head").query(String.class).single())
                .isEqualTo(f.jdbc.sql("SELECT seq || '/' || encode(hash, 'hex') FROM audit_event ORDER BY seq DESC LIMIT 1")
                        .query(String.class).single());
    }

    @Test
    void theApplicationCannotUpdateDeleteOrTruncate() {
        assertThatThrownBy(() -> f.jdbc.sql("UPDATE audit_event SET actor = 'x' WHERE seq = 1").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> f.jdbc.sql("DELETE FROM audit_event WHERE seq = 1").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> f.jdbc.sql("TRUNCATE audit_event").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> f.jdbc.sql("DELETE FROM audit_checkpoint").update())
                .isInstanceOf(DataAccessException.class);
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void anEditedRowIsDetected() {
        asAttacker("UPDATE audit_event SET actor = 'someone-else' WHERE seq = 5");
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSequence()).contains(5L);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AuditVerifyCommand.run(f.dataSource, f.kek, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN at sequence 5");
    }

    @Test
    void aDeletedRowIsDetected() {
        asAttacker("DELETE FROM audit_event WHERE seq = 4");
        assertThat(verify().firstBadSequence()).contains(4L);
    }

    @Test
    void swappedRowContentsAreDetected() {
        asAttacker("""
                UPDATE audit_event a SET at = b.at, actor = b.actor, role = b.role, purpose = b.purpose, action = b.action,
                    subject_pseudonym = b.subject_pseudonym, request_id = b.request_id, outcome = b.outcome,
                    prev_hash = b.prev_hash, hash = b.hash
                FROM (SELECT * FROM audit_event WHERE seq IN (3, 4)) b
                WHERE a.seq IN (3, 4) AND b.seq <> a.seq""");
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSequence()).contains(3L);
    }

    @Test
    void aTailTruncatedBelowASignedCheckpointIsDetected() {
        asAttacker("DELETE FROM audit_event WHERE seq >= 7");
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSequence()).contains(7L);
        assertThat(v.problem().orElseThrow()).contains("truncated");
    }

    @Test
    void aRecomputedChainWithoutTheSigningKeyFailsAtTheCheckpoint() {
        // the attacker rewrites row 2 and re-links every later row with correct hashes, but cannot re-sign
        asAttacker("UPDATE audit_event SET actor = 'forged' WHERE seq = 2");
        relinkFrom(2);
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSequence()).contains(8L);
        assertThat(v.problem().orElseThrow()).contains("checkpoint");
    }

    @Test
    void aTailDeletedAfterTheLastCheckpointIsDetectedAgainstTheHead() {
        asAttacker("DELETE FROM audit_event WHERE seq >= 10");
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSequence()).contains(10L);
        assertThat(v.problem().orElseThrow()).contains("truncated", "head");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AuditVerifyCommand.run(f.dataSource, f.kek, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
    }

    @Test
    void aTailRewrittenAfterTheLastCheckpointIsDetectedAgainstTheHead() {
        asAttacker("UPDATE audit_event SET actor = 'forged' WHERE seq = 10");
        relinkFrom(10);
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSequence()).contains(10L);
        assertThat(v.problem().orElseThrow()).contains("audit head");
    }

    @Test
    void anExternallyKeptCheckpointDetectsATailDeletedTogetherWithCheckpointsAndHead() {
        f.jdbc.sql("ALTER TABLE audit_checkpoint DISABLE TRIGGER USER").update();
        f.jdbc.sql("DELETE FROM audit_checkpoint").update();
        f.jdbc.sql("ALTER TABLE audit_checkpoint ENABLE TRIGGER USER").update();
        asAttacker("DELETE FROM audit_event WHERE seq >= 7");
        f.jdbc.sql("UPDATE audit_head SET seq = 6, hash = (SELECT hash FROM audit_event WHERE seq = 6)").update();
        assertThat(verify().intact()).as("the database alone looks intact").isTrue();

        AuditVerification v = AuditVerifyCommand.verify(f.dataSource, f.kek, List.of(kept));
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSequence()).contains(7L);
        assertThat(v.problem().orElseThrow()).contains("truncated");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AuditVerifyCommand.run(f.dataSource, f.kek, List.of(kept),
                new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
    }

    @Test
    void externallyKeptCheckpointsMustVerify() {
        AuditVerification withKept = f.core.audit().verify(f.dpo("AUDIT"), List.of(kept));
        assertThat(withKept.intact()).isTrue();
        assertThat(withKept.checkpointsChecked()).isEqualTo(2);

        AuditCheckpoint forged = new AuditCheckpoint(kept.sequence(), kept.headHash(), kept.signedAt(),
                new ProviderSignature(kept.signature().keyId(), kept.signature().algorithm(), new byte[64]));
        AuditVerification v = AuditVerifyCommand.verify(f.dataSource, f.kek, List.of(forged));
        assertThat(v.intact()).isFalse();
        assertThat(v.problem().orElseThrow()).contains("forged");

        AuditCheckpoint beyond = AuditCheckpoint.sign(f.kek, new ChainedAuditEvent(50, lastEvent(), kept.headHash(),
                kept.headHash()), kept.signedAt());
        AuditVerification missing = AuditVerifyCommand.verify(f.dataSource, f.kek, List.of(beyond));
        assertThat(missing.intact()).isFalse();
        assertThat(missing.problem().orElseThrow()).contains("truncated");
    }

    private org.safereg.privacy.audit.AuditEvent lastEvent() {
        var log = new AuditLog(f.dataSource);
        return new Transactions(f.dataSource).readOnly(() -> {
            try (var stream = log.streamInOrder()) {
                return stream.reduce((a, b) -> b).orElseThrow().event();
            }
        });
    }

    /** Recomputes hashes from {@code seq} on, as an attacker who knows the (public) chain algorithm would. */
    private void relinkFrom(long seq) {
        var log = new AuditLog(f.dataSource);
        List<ChainedAuditEvent> rows = new ArrayList<>();
        new Transactions(f.dataSource).readOnly(() -> {
            try (var stream = log.streamInOrder()) {
                stream.forEach(rows::add);
            }
            return null;
        });
        byte[] previous = rows.get((int) seq - 2).hash();
        f.jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
        for (var row : rows.subList((int) seq - 1, rows.size())) {
            var relinked = AuditChain.link(row.sequence(), row.event(), previous);
            f.jdbc.sql("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?")
                    .params(relinked.previousHash(), relinked.hash(), row.sequence()).update();
            previous = relinked.hash();
        }
        f.jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER USER").update();
    }
}
