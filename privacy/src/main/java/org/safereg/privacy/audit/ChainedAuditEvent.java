package org.safereg.privacy.audit;

/**
 * An audit event as stored: its sequence number, the hash of the previous row and its own hash
 * ({@link AuditChain#hash}), which commits to the sequence number, the event and the previous hash.
 */
public record ChainedAuditEvent(long sequence, AuditEvent event, byte[] previousHash, byte[] hash) {
    public ChainedAuditEvent {
        previousHash = previousHash.clone();
        hash = hash.clone();
    }

    @Override
    public byte[] previousHash() {
        return previousHash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }
}
