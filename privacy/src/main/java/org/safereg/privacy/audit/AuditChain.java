package org.safereg.privacy.audit;

/**
 * The hash chain over audit rows: {@code hash = SHA-256(domain tag || seq || canonical(event) || previousHash)}
 * with an unambiguous length-prefixed encoding; the first row's previous hash is {@link #GENESIS}.
 * Stateless and thread-safe.
 */
public final class AuditChain {
    /** Previous hash of sequence number 1: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[32];

    private AuditChain() {
    }

    public static byte[] hash(long sequence, AuditEvent event, byte[] previousHash) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Links {@code event} after a row with {@code previousHash}. */
    public static ChainedAuditEvent link(long sequence, AuditEvent event, byte[] previousHash) {
        throw new UnsupportedOperationException("TODO");
    }
}
