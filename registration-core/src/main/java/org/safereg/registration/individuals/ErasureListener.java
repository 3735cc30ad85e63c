package org.safereg.registration.individuals;

import org.safereg.keys.SubjectId;

/**
 * Internal: lets other parts of the core clean up what they hold about an individual when it is erased (the
 * biometric part deletes fingerprint captures and removes the person from the in-memory gallery).
 */
public interface ErasureListener {
    /** Called inside the erasure transaction, after the subject's data keys were destroyed. */
    void erasing(SubjectId id);

    /** Called after the erasure committed (also for an already erased subject). */
    void erased(SubjectId id);
}
