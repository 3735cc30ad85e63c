package org.safereg.registration.individuals;

import java.util.List;
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

    /** One listener calling each of {@code listeners} in turn. */
    static ErasureListener all(ErasureListener... listeners) {
        List<ErasureListener> all = List.of(listeners);
        return new ErasureListener() {
            @Override
            public void erasing(SubjectId id, ErasureLedger ledger) {
                all.forEach(l -> l.erasing(id, ledger));
            }

            @Override
            public void erased(SubjectId id) {
                all.forEach(l -> l.erased(id));
            }
        };
    }
}
