package org.safereg.keys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Test double of the JDBC repository in registration-core: same contract, held in a sorted map. Public so the
 * provider tests in sub-packages (org.safereg.keys.vault) run the envelope scenarios on it too.
 */
public final class InMemoryWrappedKeyRepository implements WrappedKeyRepository {
    private record Id(SubjectId subject, DataCategory category) {
    }

    private static final Comparator<Id> ORDER = Comparator.comparing((Id id) -> id.subject().value())
            .thenComparing(Id::category);

    private final ConcurrentSkipListMap<Id, StoredKey> keys = new ConcurrentSkipListMap<>(ORDER);

    @Override
    public Optional<StoredKey> find(SubjectId subject, DataCategory category) {
        return Optional.ofNullable(keys.get(new Id(subject, category)));
    }

    @Override
    public void insert(StoredKey key) {
        if (keys.putIfAbsent(id(key), key) != null) {
            throw new IllegalStateException("the subject already has a key in that category");
        }
    }

    @Override
    public boolean replace(StoredKey expected, StoredKey replacement) {
        if (!id(expected).equals(id(replacement))) {
            throw new IllegalArgumentException("replacement belongs to another subject or category");
        }
        return keys.replace(id(expected), expected, replacement);
    }

    @Override
    public List<StoredKey> findNotWrappedBy(KekVersion version, int limit) {
        List<StoredKey> found = new ArrayList<>();
        for (StoredKey key : keys.values()) {
            if (found.size() == limit) {
                break;
            }
            if (!key.wrapped().kekVersion().equals(version)) {
                found.add(key);
            }
        }
        return found;
    }

    @Override
    public long countWrappedBy(KekVersion version) {
        return keys.values().stream().filter(k -> k.wrapped().kekVersion().equals(version)).count();
    }

    @Override
    public long countNotWrappedBy(KekVersion version) {
        return keys.size() - countWrappedBy(version);
    }

    @Override
    public int deleteAll(SubjectId subject) {
        int deleted = 0;
        for (Map.Entry<Id, StoredKey> entry : keys.entrySet()) {
            if (entry.getKey().subject().equals(subject) && keys.remove(entry.getKey(), entry.getValue())) {
                deleted++;
            }
        }
        return deleted;
    }

    /** Overwrites a stored key without any check, as an attacker with database access could. */
    void tamper(StoredKey key) {
        keys.put(id(key), key);
    }

    int size() {
        return keys.size();
    }

    private static Id id(StoredKey key) {
        return new Id(key.binding().subject(), key.binding().category());
    }
}
