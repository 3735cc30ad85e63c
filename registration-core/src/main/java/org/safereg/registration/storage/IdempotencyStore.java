package org.safereg.registration.storage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.safereg.registration.IdempotencyConflictException;
import org.safereg.registration.model.IdempotencyKey;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Idempotency records (internal). {@link #claim} runs first in the enrolment transaction: the primary key on
 * (actor, key hash) makes a concurrent identical request wait until the first commits, then see its result.
 * Records are deleted after their retention ({@link #purgeCreatedBefore}, scheduled through
 * {@link org.safereg.registration.IdempotencyRetention}). Thread-safe.
 */
public final class IdempotencyStore {
    private final JdbcClient jdbc;
    private final BlindIndexes indexes;

    public IdempotencyStore(JdbcClient jdbc, BlindIndexes indexes) {
        this.jdbc = jdbc;
        this.indexes = indexes;
    }

    /**
     * Claims the key for this request in the current transaction. Returns empty if this call claimed it (go on
     * and create {@code resultId}); returns the earlier result id if the same request was made before; throws
     * {@link IdempotencyConflictException} if the key was used for another request or operation.
     */
    public Optional<UUID> claim(String actor, IdempotencyKey key, String operation, byte[] canonicalRequest,
                                UUID resultId, Instant now) {
        byte[] keyHash = indexes.idempotencyKey(key.value());
        byte[] fingerprint = indexes.idempotencyRequest(operation, canonicalRequest);
        while (true) {
            int inserted = jdbc.sql("""
                            INSERT INTO idempotency (actor, key_hash, operation, fingerprint, result_id, created_at)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (actor, key_hash) DO NOTHING""")
                    .params(actor, keyHash, operation, fingerprint, resultId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .update();
            if (inserted == 1) {
                return Optional.empty();
            }
            Optional<Earlier> earlier = jdbc.sql("SELECT operation, fingerprint, result_id FROM idempotency WHERE actor = ? AND key_hash = ?")
                    .params(actor, keyHash)
                    .query((rs, n) -> new Earlier(rs.getString(1), rs.getBytes(2), rs.getObject(3, UUID.class)))
                    .optional();
            if (earlier.isPresent()) {
                Earlier e = earlier.get();
                if (!e.operation.equals(operation) || !Arrays.equals(e.fingerprint, fingerprint)) {
                    throw new IdempotencyConflictException();
                }
                return Optional.of(e.resultId);
            }
            // the conflicting record was purged between the insert and the select: claim again
        }
    }

    /**
     * Deletes the records created before {@code cutoff} (retention: a key is remembered at least until then);
     * returns how many. Runs in the caller's transaction.
     */
    public int purgeCreatedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency WHERE created_at < ?")
                .param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).update();
    }

    /** Forgets the records that produced {@code resultId} (on erasure: the fingerprint derives from personal data). */
    public int deleteForResult(UUID resultId) {
        return jdbc.sql("DELETE FROM idempotency WHERE result_id = ?").param(resultId).update();
    }

    private record Earlier(String operation, byte[] fingerprint, UUID resultId) {
    }
}
