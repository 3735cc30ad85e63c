package org.safereg.keys.vault;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.safereg.keys.KeyBinding;

/**
 * Bounded, short-lived cache of unwrapped data keys, keyed by the exact wrapped ciphertext <em>and</em> its
 * binding (so a wrapped key copied to another subject never hits the entry of the original). Least recently
 * used entries are evicted beyond the bound; entries expire {@code ttl} after they were stored; evicted,
 * expired and cleared keys are zeroed. Callers get copies. Thread-safe (one lock; every operation is O(1)
 * apart from {@link #sweep}).
 */
final class DataKeyCache {
    private record Id(String ciphertext, KeyBinding binding) {
    }

    private record Entry(byte[] key, long expiresAtNanos) {
    }

    private final int maxEntries;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<Id, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    DataKeyCache(int maxEntries, Duration ttl, LongSupplier nanoClock) {
        this.maxEntries = maxEntries;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    boolean enabled() {
        return maxEntries > 0 && ttlNanos > 0;
    }

    /** A copy of the cached key, or null when absent or expired. */
    byte[] get(String ciphertext, KeyBinding binding) {
        if (!enabled()) {
            return null;
        }
        Id id = new Id(ciphertext, binding);
        synchronized (entries) {
            Entry entry = entries.get(id);
            if (entry == null) {
                return null;
            }
            if (nanoClock.getAsLong() - entry.expiresAtNanos >= 0) {
                entries.remove(id);
                Arrays.fill(entry.key, (byte) 0);
                return null;
            }
            return entry.key.clone();
        }
    }

    /** Stores a copy of {@code key}. */
    void put(String ciphertext, KeyBinding binding, byte[] key) {
        if (!enabled()) {
            return;
        }
        Entry entry = new Entry(key.clone(), nanoClock.getAsLong() + ttlNanos);
        synchronized (entries) {
            Entry previous = entries.put(new Id(ciphertext, binding), entry);
            if (previous != null) {
                Arrays.fill(previous.key, (byte) 0);
            }
            if (entries.size() > maxEntries) {
                Iterator<Entry> eldest = entries.values().iterator();
                Arrays.fill(eldest.next().key, (byte) 0);
                eldest.remove();
            }
        }
    }

    /** Drops expired entries (run periodically so idle keys do not linger in memory). */
    void sweep() {
        long now = nanoClock.getAsLong();
        synchronized (entries) {
            Iterator<Map.Entry<Id, Entry>> it = entries.entrySet().iterator();
            while (it.hasNext()) {
                Entry entry = it.next().getValue();
                if (now - entry.expiresAtNanos >= 0) {
                    Arrays.fill(entry.key, (byte) 0);
                    it.remove();
                }
            }
        }
    }

    /** Drops and zeroes everything (Vault became unavailable, or the provider closes). */
    void clear() {
        synchronized (entries) {
            entries.values().forEach(entry -> Arrays.fill(entry.key, (byte) 0));
            entries.clear();
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
