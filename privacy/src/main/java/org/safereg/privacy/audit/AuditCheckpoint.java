package org.safereg.privacy.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.safereg.keys.KekProvider;
import org.safereg.keys.ProviderSignature;

/**
 * A signed statement of the chain head: "row {@code sequence} has hash {@code headHash}", signed by the key
 * provider. Detects truncation of the chain's tail and rewriting of the whole chain by someone without the
 * signing key.
 */
public record AuditCheckpoint(long sequence, byte[] headHash, Instant signedAt, ProviderSignature signature) {
    private static final String DOMAIN_TAG = "safereg-audit-checkpoint-v1";

    public AuditCheckpoint {
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(signature, "signature");
        headHash = headHash.clone();
    }

    @Override
    public byte[] headHash() {
        return headHash.clone();
    }

    /** The exact bytes that are signed by {@link #sign} and checked by {@link AuditVerifier}. */
    public byte[] signedMessage() {
        return signedMessage(sequence, headHash, signedAt);
    }

    /**
     * The exact bytes that are signed: length-prefixed encoding of the domain tag
     * {@code safereg-audit-checkpoint-v1}, the sequence number, the head hash and the signing time truncated to
     * microseconds (store {@code signedAt} at microsecond precision).
     */
    public static byte[] signedMessage(long sequence, byte[] headHash, Instant signedAt) {
        if (sequence < 1) {
            throw new IllegalArgumentException("audit sequence numbers start at 1");
        }
        if (headHash == null || headHash.length != AuditChain.HASH_LENGTH) {
            throw new IllegalArgumentException("head hash must be 32 bytes");
        }
        return new CanonicalEncoding(DOMAIN_TAG).number(sequence).bytes(headHash).instant(signedAt).toByteArray();
    }

    /**
     * Signs the chain head {@code head} (the last row written) with the key provider, at {@code signedAt}
     * (truncated to microseconds, so the checkpoint survives a round trip through {@code timestamptz}).
     */
    public static AuditCheckpoint sign(KekProvider signer, ChainedAuditEvent head, Instant signedAt) {
        Instant at = signedAt.truncatedTo(ChronoUnit.MICROS);
        ProviderSignature signature = signer.sign(signedMessage(head.sequence(), head.hash(), at));
        return new AuditCheckpoint(head.sequence(), head.hash(), at, signature);
    }
}
