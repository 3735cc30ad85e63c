package org.safereg.privacy.audit;

import java.time.Instant;
import org.safereg.keys.ProviderSignature;

/**
 * A signed statement of the chain head: "row {@code sequence} has hash {@code headHash}", signed by the key
 * provider. Detects truncation of the chain's tail and rewriting of the whole chain by someone without the
 * signing key.
 */
public record AuditCheckpoint(long sequence, byte[] headHash, Instant signedAt, ProviderSignature signature) {
    public AuditCheckpoint {
        headHash = headHash.clone();
    }

    @Override
    public byte[] headHash() {
        return headHash.clone();
    }

    /** The exact bytes that are signed. */
    public static byte[] signedMessage(long sequence, byte[] headHash, Instant signedAt) {
        throw new UnsupportedOperationException("TODO");
    }
}
