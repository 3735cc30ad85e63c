package org.safereg.registration.rights;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.safereg.keys.DataCategory;
import org.safereg.keys.KekVersion;

/**
 * What one erasure removed, collected inside its transaction by every part of the core that held something of
 * the subject (the {@link org.safereg.registration.individuals.ErasureListener}s), then written into the
 * receipt. Not thread-safe: one per erasure.
 */
public final class ErasureLedger {
    private final Map<ErasedItem, Integer> removed = new EnumMap<>(ErasedItem.class);
    private final EnumSet<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
    private final SortedSet<Integer> kekVersions = new TreeSet<>();

    /** Adds {@code count} removed {@code item}s. */
    public void removed(ErasedItem item, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        removed.merge(item, count, Integer::sum);
    }

    /** Records the data keys destroyed: their categories and the KEK versions that wrapped them. */
    public void keysDestroyed(Collection<DataCategory> destroyed, Collection<KekVersion> wrappedBy) {
        categories.addAll(destroyed);
        wrappedBy.forEach(v -> kekVersions.add(v.number()));
    }

    /** Count per item, every item present (0 when nothing of it was removed). */
    Map<ErasedItem, Integer> removed() {
        Map<ErasedItem, Integer> all = new EnumMap<>(ErasedItem.class);
        for (ErasedItem item : ErasedItem.values()) {
            all.put(item, removed.getOrDefault(item, 0));
        }
        return all;
    }

    Set<DataCategory> categories() {
        return EnumSet.copyOf(categories);
    }

    SortedSet<Integer> kekVersions() {
        return new TreeSet<>(kekVersions);
    }
}
