package org.safereg.registration.audit;

import org.safereg.privacy.audit.AuditCheckpoint;
import org.safereg.privacy.audit.AuditVerification;
import org.safereg.registration.RequestContext;

/**
 * Verification and checkpointing of the tamper-evident audit trail, for data-protection officers. Both are
 * decided by the policy decision point (action AUDIT_VERIFY) and audited themselves. Thread-safe.
 */
public final class AuditService {

    AuditService() {
    }

    /**
     * Verifies the whole chain in sequence order (streaming, one SHA-256 per row) against every stored
     * checkpoint. Detects edited, deleted, reordered and inserted rows, and a truncated tail below a checkpoint.
     */
    public AuditVerification verify(RequestContext context) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Signs the current chain head with the key provider's signing key and stores the checkpoint. The
     * checkpoint covers the head including this call's own audit event.
     */
    public AuditCheckpoint checkpoint(RequestContext context) {
        throw new UnsupportedOperationException("TODO");
    }
}
