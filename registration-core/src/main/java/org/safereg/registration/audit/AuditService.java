package org.safereg.registration.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
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
     * checkpoint and against the recorded chain head ({@code audit_head}). Detects edited, deleted, reordered and
     * inserted rows, a truncated tail below a checkpoint, and rows deleted or replaced after the last checkpoint
     * by someone who did not also rewrite the head. The verification's own audit event is appended after the
     * rows were checked.
     */
    public AuditVerification verify(RequestContext context) {
        return verify(context, List.of());
    }

    /**
     * As {@link #verify(RequestContext)}, also against checkpoints kept outside the database (returned earlier by
     * {@link #checkpoint} and stored elsewhere): each must carry a valid signature and match the row at its
     * sequence, which must exist. This detects what stored checkpoints and the head cannot: an attacker who
     * deleted the tail, the checkpoints covering it and rewound the head together.
     */
    public AuditVerification verify(RequestContext context, List<AuditCheckpoint> externalCheckpoints) {
        List<AuditCheckpoint> external = List.copyOf(externalCheckpoints);
        return guard.run(context, Action.AUDIT_VERIFY, Optional.empty(), trail -> verifyChain(log, kek, external));
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

    /**
     * Streams the chain through the verifier with the stored and {@code external} checkpoints, then compares the
     * chain with the recorded head; must run inside a transaction (cursor). The head is read first: rows are
     * append-only and the head moves with them in one transaction, so rows appended meanwhile only extend the
     * chain beyond the head read.
     */
    static AuditVerification verifyChain(AuditLog log, KekProvider kek, List<AuditCheckpoint> external) {
        AuditLog.Head head = log.head();
        List<AuditCheckpoint> checkpoints = new ArrayList<>(log.checkpoints());
        checkpoints.addAll(external);
        try (Stream<ChainedAuditEvent> rows = log.streamInOrder()) {
            HeadWatch watch = new HeadWatch(rows.iterator(), head.sequence());
            AuditVerification verification = new AuditVerifier(kek).verify(watch, checkpoints);
            return verification.intact() ? watch.compareWith(head, verification) : verification;
        }
    }

    /** Passes rows through, remembering the last sequence and the hash of the row at the head's sequence. */
    private static final class HeadWatch implements Iterator<ChainedAuditEvent> {
        private final Iterator<ChainedAuditEvent> rows;
        private final long headSequence;
        private long lastSequence;
        private byte[] hashAtHead;

        HeadWatch(Iterator<ChainedAuditEvent> rows, long headSequence) {
            this.rows = rows;
            this.headSequence = headSequence;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public ChainedAuditEvent next() {
            ChainedAuditEvent row = rows.next();
            lastSequence = row.sequence();
            if (row.sequence() == headSequence) {
                hashAtHead = row.hash();
            }
            return row;
        }

        /** The verdict for a chain the verifier found intact, given the head read before it. */
        AuditVerification compareWith(AuditLog.Head head, AuditVerification intact) {
            if (head.sequence() == 0) {
                return intact;
            }
            if (lastSequence < head.sequence()) {
                return broken(intact, lastSequence + 1, "chain truncated: the audit head records sequence "
                        + head.sequence() + " but the last row is " + lastSequence);
            }
            if (!Arrays.equals(hashAtHead, head.hash())) {
                return broken(intact, head.sequence(), "row at sequence " + head.sequence()
                        + " differs from the recorded audit head (tail rewritten)");
            }
            return intact;
        }

        private static AuditVerification broken(AuditVerification intact, long sequence, String problem) {
            return new AuditVerification(intact.rowsChecked(), intact.checkpointsChecked(), Optional.of(sequence),
                    Optional.of(problem));
        }
    }
}
