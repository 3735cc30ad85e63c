package org.safereg.registration.individuals;

import java.util.List;
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

    /** One listener calling each of {@code listeners} in turn. */
    static ErasureListener all(ErasureListener... listeners) {
        List<ErasureListener> all = List.of(listeners);
        return new ErasureListener() {
            @Override
            public void erasing(SubjectId id) {
                all.forEach(l -> l.erasing(id));
            }

            @Override
            public void erased(SubjectId id) {
                all.forEach(l -> l.erased(id));
            }
        };
    }
}
