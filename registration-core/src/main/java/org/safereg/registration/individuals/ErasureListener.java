package org.safereg.registration.individuals;

import org.safereg.keys.SubjectId;
import org.safereg.registration.rights.ErasureLedger;

/**
 * Internal: lets other parts of the core clean up what they hold about an individual when it is erased (the
 * biometric part deletes fingerprint captures, withdraws an open adjudication case and removes the person from
 * the in-memory gallery), and count it in the erasure receipt.
 */
public interface ErasureListener {
    /**
     * Called inside the erasure transaction, after the subject's data keys were destroyed (also for an already
     * erased subject: must be idempotent). Records what it removed in {@code ledger}.
     */
    void erasing(SubjectId id, ErasureLedger ledger);

    /** Called after the erasure committed (also for an already erased subject). */
    void erased(SubjectId id);
}
