package org.safereg.registration.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.safereg.keys.ProviderSignature;
import org.safereg.privacy.Pseudonym;
import org.safereg.privacy.audit.AuditChain;
import org.safereg.privacy.audit.AuditCheckpoint;
import org.safereg.privacy.audit.AuditEvent;
import org.safereg.privacy.audit.AuditOutcome;
import org.safereg.privacy.audit.ChainedAuditEvent;
import org.safereg.privacy.sharing.RecipientId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail in PostgreSQL (internal): appends hash-chained rows under the lock of the single
 * {@code audit_head} row, so appends are serialised and the chain has no forks; streams rows in sequence order
 * for verification; stores signed checkpoints. All methods run in the caller's transaction. Thread-safe.
 */
public final class AuditLog {
    private static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    public AuditLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    /** The chain head: sequence number and hash of the last row (0 and genesis when empty). */
    public record Head(long sequence, byte[] hash) {
    }

    /**
     * Appends {@code events} in order, linked to the current head, in the caller's transaction (which must be
     * active: the head row stays locked until it ends). Event timestamps must be truncated to microseconds.
     */
    public List<ChainedAuditEvent> append(List<AuditEvent> events) {
        Head head = lockHead();
        long seq = head.sequence();
        byte[] previous = head.hash();
        List<ChainedAuditEvent> chained = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            if (event.at().getNano() % 1000 != 0) {
                throw new IllegalArgumentException("audit timestamps are stored with microsecond precision");
            }
            seq++;
            ChainedAuditEvent row = AuditChain.link(seq, event, previous);
            jdbc.sql("""
                            INSERT INTO audit_event (seq, at, actor, role, purpose, action, subject_pseudonym,
                                                     request_id, outcome, prev_hash, hash, recipient)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(seq, OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC), event.actor(), event.role(),
                            event.purpose(), event.action(), event.subject().map(Pseudonym::value).orElse(null),
                            event.requestId(), event.outcome().name(), row.previousHash(), row.hash(),
                            event.recipient().map(RecipientId::value).orElse(null))
                    .update();
            chained.add(row);
            previous = row.hash();
        }
        jdbc.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1").params(seq, previous).update();
        return chained;
    }

    /** The head as last committed, without locking. */
    public Head head() {
        return jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .single();
    }

    /** Locks and returns the head (until the caller's transaction ends). */
    public Head lockHead() {
        return jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .single();
    }

    /**
     * All rows in sequence order, fetched with a cursor. Must be consumed, and closed, inside a transaction
     * (PostgreSQL streams only with auto-commit off).
     */
    public Stream<ChainedAuditEvent> streamInOrder() {
        return streaming.queryForStream("""
                SELECT seq, at, actor, role, purpose, action, subject_pseudonym, request_id, outcome, prev_hash, hash,
                       recipient
                FROM audit_event ORDER BY seq""", (rs, n) -> row(rs));
    }

    /** Every event naming {@code subject} (its AUDIT-domain pseudonym), in sequence order. */
    public List<ChainedAuditEvent> eventsNaming(Pseudonym subject) {
        return jdbc.sql("""
                        SELECT seq, at, actor, role, purpose, action, subject_pseudonym, request_id, outcome, prev_hash, hash,
                               recipient
                        FROM audit_event WHERE subject_pseudonym = ? ORDER BY seq""")
                .param(subject.value()).query((rs, n) -> row(rs)).list();
    }

    public List<AuditCheckpoint> checkpoints() {
        return jdbc.sql("SELECT seq, head_hash, signed_at, key_id, algorithm, signature FROM audit_checkpoint ORDER BY seq")
                .query((rs, n) -> new AuditCheckpoint(rs.getLong(1), rs.getBytes(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        new ProviderSignature(rs.getString(4), rs.getString(5), rs.getBytes(6))))
                .list();
    }

    public void insertCheckpoint(AuditCheckpoint checkpoint) {
        ProviderSignature s = checkpoint.signature();
        jdbc.sql("""
                        INSERT INTO audit_checkpoint (seq, head_hash, signed_at, key_id, algorithm, signature)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(checkpoint.sequence(), checkpoint.headHash(),
                        OffsetDateTime.ofInstant(checkpoint.signedAt(), ZoneOffset.UTC), s.keyId(), s.algorithm(),
                        s.value())
                .update();
    }

    private static ChainedAuditEvent row(ResultSet rs) throws SQLException {
        byte[] pseudonym = rs.getBytes(7);
        AuditEvent event = new AuditEvent(rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6),
                pseudonym == null ? Optional.empty() : Optional.of(new Pseudonym(pseudonym)), rs.getString(8),
                AuditOutcome.valueOf(rs.getString(9)), Optional.ofNullable(rs.getString(12)).map(RecipientId::of));
        return new ChainedAuditEvent(rs.getLong(1), event, rs.getBytes(10), rs.getBytes(11));
    }
}
