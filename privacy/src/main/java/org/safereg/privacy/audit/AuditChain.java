package org.safereg.privacy.audit;

import java.util.Objects;
import org.safereg.privacy.Pseudonym;

/**
 * The hash chain over audit rows: {@code hash = SHA-256(encoding)} where the encoding is length-prefixed and
 * unambiguous: domain tag {@code safereg-audit-v1}, sequence number, the event's time (truncated to
 * microseconds), actor, role, purpose, action, subject pseudonym (or an absence marker), request id, outcome,
 * the previous row's hash and, only for an event with a {@linkplain AuditEvent#recipient() recipient}, the
 * recipient code (length-prefixed, last: events without a recipient hash exactly as before recipients were
 * recorded, and the total length tells the two forms apart). The first row's previous hash is {@link #GENESIS}.
 *
 * <p><b>Storage precision:</b> the hash covers the time at microsecond precision, the precision of PostgreSQL
 * {@code timestamptz}. Callers should store {@code event.at()} truncated to microseconds (a value with
 * nanoseconds hashes the same as its truncation, so a round trip through the database verifies either way).
 *
 * <p>Stateless and thread-safe; one SHA-256 over a few hundred bytes per row.
 */
public final class AuditChain {
    /** Previous hash of sequence number 1: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[32];

    static final int HASH_LENGTH = 32;
    private static final String DOMAIN_TAG = "safereg-audit-v1";

    private AuditChain() {
    }

    /** The hash of row {@code sequence} holding {@code event} after a row with {@code previousHash}. */
    public static byte[] hash(long sequence, AuditEvent event, byte[] previousHash) {
        if (sequence < 1) {
            throw new IllegalArgumentException("audit sequence numbers start at 1");
        }
        Objects.requireNonNull(event, "event");
        if (previousHash == null || previousHash.length != HASH_LENGTH) {
            throw new IllegalArgumentException("previous hash must be 32 bytes");
        }
        CanonicalEncoding encoding = new CanonicalEncoding(DOMAIN_TAG)
                .number(sequence)
                .instant(event.at())
                .string(event.actor())
                .string(event.role())
                .string(event.purpose())
                .string(event.action())
                .optionalBytes(event.subject().map(Pseudonym::value))
                .string(event.requestId())
                .string(event.outcome().name())
                .bytes(previousHash);
        event.recipient().ifPresent(r -> encoding.string(r.value()));
        return encoding.sha256();
    }

    /** Links {@code event} after a row with {@code previousHash}. */
    public static ChainedAuditEvent link(long sequence, AuditEvent event, byte[] previousHash) {
        return new ChainedAuditEvent(sequence, event, previousHash, hash(sequence, event, previousHash));
    }
}
