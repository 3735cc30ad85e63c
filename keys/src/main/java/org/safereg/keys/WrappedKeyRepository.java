package org.safereg.keys;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence of wrapped data keys, implemented by the storage layer (registration-core, in PostgreSQL).
 * The keys module never sees SQL. Implementations participate in the caller's transaction.
 */
public interface WrappedKeyRepository {

    /** A stored, wrapped data key. */
    record StoredKey(KeyBinding binding, WrappedKey wrapped) {
    }

    Optional<StoredKey> find(SubjectId subject, DataCategory category);

    /**
     * The keys of {@code subjects} in {@code category} (subjects without one are absent). The default calls
     * {@link #find} per subject; storage implementations answer in one query (bulk loads, e.g. the fingerprint
     * gallery at start-up).
     */
    default Map<SubjectId, StoredKey> findAll(Collection<SubjectId> subjects, DataCategory category) {
        Map<SubjectId, StoredKey> found = new HashMap<>();
        for (SubjectId subject : subjects) {
            find(subject, category).ifPresent(key -> found.put(subject, key));
        }
        return found;
    }

    /** Inserts a new key; throws {@link IllegalStateException} if the subject already has one in that category. */
    void insert(StoredKey key);

    /**
     * Replaces {@code expected} with {@code replacement} only if the stored value is still {@code expected}
     * (compare-and-set, so a concurrent rewrap or shred is never overwritten). Returns whether it replaced.
     */
    boolean replace(StoredKey expected, StoredKey replacement);

    /** Up to {@code limit} keys not wrapped by {@code version}, in a stable order. */
    List<StoredKey> findNotWrappedBy(KekVersion version, int limit);

    /** How many keys are wrapped by {@code version}. */
    long countWrappedBy(KekVersion version);

    /** How many keys are wrapped by any version other than {@code version} (the re-wrap job's remaining work). */
    long countNotWrappedBy(KekVersion version);

    /** Deletes all data keys of the subject; returns how many were deleted. */
    int deleteAll(SubjectId subject);
}
