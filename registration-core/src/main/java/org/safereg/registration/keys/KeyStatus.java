package org.safereg.registration.keys;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.safereg.keys.KekVersion;

/**
 * KEK versions and their use.
 *
 * @param primary the version new data keys are wrapped with
 * @param active versions that can still unwrap (not retired), oldest first
 * @param wrappedKeysByVersion how many stored data keys each version wraps (versions with none are omitted)
 */
public record KeyStatus(KekVersion primary, SortedSet<KekVersion> active,
                        SortedMap<KekVersion, Long> wrappedKeysByVersion) {
    public KeyStatus {
        active = Collections.unmodifiableSortedSet(new TreeSet<>(active));
        wrappedKeysByVersion = Collections.unmodifiableSortedMap(new TreeMap<>(wrappedKeysByVersion));
    }

    /** Keys not yet wrapped by the primary version (the re-wrap job's remaining work). */
    public long pendingRewrap() {
        return wrappedKeysByVersion.entrySet().stream()
                .filter(e -> !e.getKey().equals(primary))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
