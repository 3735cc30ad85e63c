package org.safereg.privacy.audit;

import java.util.Iterator;
import java.util.List;
import org.safereg.keys.KekProvider;

/**
 * Verifies a stored audit chain, streaming: rows must come in storage order of sequence number. Detects an
 * edited row (hash mismatch), a deleted row (sequence gap / previous-hash mismatch), reordered rows, and,
 * with checkpoints, a truncated tail or a forged checkpoint (signature check). Not thread-safe per call;
 * cost is one SHA-256 per row.
 */
public final class AuditVerifier {

    public AuditVerifier(KekProvider signatureVerifier) {
        throw new UnsupportedOperationException("TODO");
    }

    public AuditVerification verify(Iterator<ChainedAuditEvent> rows, List<AuditCheckpoint> checkpoints) {
        throw new UnsupportedOperationException("TODO");
    }
}
