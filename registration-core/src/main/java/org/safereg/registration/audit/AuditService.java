package org.safereg.registration.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.safereg.keys.KekProvider;
import org.safereg.keys.ProviderSignature;
import org.safereg.privacy.Action;
import org.safereg.privacy.audit.AuditCheckpoint;
import org.safereg.privacy.audit.AuditVerification;
import org.safereg.privacy.audit.AuditVerifier;
import org.safereg.privacy.audit.ChainedAuditEvent;
import org.safereg.registration.RequestContext;
import org.safereg.registration.ValidationException;
import org.safereg.registration.storage.Transactions;

/**
 * Verification and checkpointing of the tamper-evident audit trail, for data-protection officers. Both are
 * decided by the policy decision point (action AUDIT_VERIFY) and audited themselves. Thread-safe.
 */
public final class AuditService {
    private final AccessGuard guard;
    private final AuditLog log;
    private final Transactions transactions;
    private final KekProvider kek;
    private final Clock clock;

    /** Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#audit()}. */
    public AuditService(AccessGuard guard, AuditLog log, Transactions transactions, KekProvider kek, Clock clock) {
        this.guard = guard;
        this.log = log;
        this.transactions = transactions;
        this.kek = kek;
        this.clock = clock;
    }

    /**
     * Verifies the whole chain in sequence order (streaming, one SHA-256 per row) against every stored
     * checkpoint. Detects edited, deleted, reordered and inserted rows, and a truncated tail below a checkpoint.
     * The verification's own audit event is appended after the rows were checked.
     */
    public AuditVerification verify(RequestContext context) {
        return guard.run(context, Action.AUDIT_VERIFY, Optional.empty(), trail -> verifyChain(log, kek));
    }

    /**
     * Signs the current chain head with the key provider's signing key and stores the checkpoint. The checkpoint
     * covers the chain up to just before this call's own audit event.
     *
     * @throws ValidationException the trail is still empty
     */
    public AuditCheckpoint checkpoint(RequestContext context) {
        return guard.run(context, Action.AUDIT_VERIFY, Optional.empty(), trail -> {
            AuditLog.Head head = log.lockHead();
            if (head.sequence() == 0) {
                throw ValidationException.of("audit", "the audit trail is empty: nothing to checkpoint yet");
            }
            Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            ProviderSignature signature = kek.sign(
                    AuditCheckpoint.signedMessage(head.sequence(), head.hash(), signedAt));
            AuditCheckpoint checkpoint = new AuditCheckpoint(head.sequence(), head.hash(), signedAt, signature);
            log.insertCheckpoint(checkpoint);
            return checkpoint;
        });
    }

    /** Streams the chain through the verifier; must run inside a transaction (cursor). */
    static AuditVerification verifyChain(AuditLog log, KekProvider kek) {
        List<AuditCheckpoint> checkpoints = log.checkpoints();
        try (Stream<ChainedAuditEvent> rows = log.streamInOrder()) {
            return new AuditVerifier(kek).verify(rows.iterator(), checkpoints);
        }
    }
}
