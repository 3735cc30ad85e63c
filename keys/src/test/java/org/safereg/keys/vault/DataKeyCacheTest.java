package org.safereg.keys.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.safereg.keys.DataCategory;
import org.safereg.keys.KeyBinding;
import org.safereg.keys.SubjectId;

class DataKeyCacheTest {
    private final AtomicLong now = new AtomicLong();
    private final KeyBinding binding = new KeyBinding(SubjectId.random(), DataCategory.DEMOGRAPHIC, 1);

    private DataKeyCache cache(int size, Duration ttl) {
        return new DataKeyCache(size, ttl, now::get);
    }

    @Test
    void returnsCopiesOnlyForTheSameCiphertextAndBinding() {
        DataKeyCache cache = cache(10, Duration.ofSeconds(30));
        byte[] key = {1, 2, 3};
        cache.put("vault:v1:AAAA", binding, key);
        key[0] = 9;

        byte[] hit = cache.get("vault:v1:AAAA", binding);
        assertThat(hit).containsExactly(1, 2, 3);
        hit[1] = 9;
        assertThat(cache.get("vault:v1:AAAA", binding)).containsExactly(1, 2, 3);
        assertThat(cache.get("vault:v1:AAAA", new KeyBinding(SubjectId.random(), DataCategory.DEMOGRAPHIC, 1))).isNull();
        assertThat(cache.get("vault:v1:AAAA", new KeyBinding(binding.subject(), DataCategory.BIOMETRIC, 1))).isNull();
        assertThat(cache.get("vault:v1:BBBB", binding)).isNull();
    }

    @Test
    void entriesExpireAfterTheirLifetimeAndSweepDropsThem() {
        DataKeyCache cache = cache(10, Duration.ofSeconds(30));
        cache.put("a", binding, new byte[] {1});
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        cache.put("b", binding, new byte[] {2});
        now.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(cache.get("a", binding)).isNull();
        assertThat(cache.get("b", binding)).containsExactly(2);
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        cache.sweep();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theLeastRecentlyUsedEntryIsEvictedBeyondTheBound() {
        DataKeyCache cache = cache(2, Duration.ofSeconds(30));
        cache.put("a", binding, new byte[] {1});
        cache.put("b", binding, new byte[] {2});
        cache.get("a", binding);
        cache.put("c", binding, new byte[] {3});

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b", binding)).isNull();
        assertThat(cache.get("a", binding)).containsExactly(1);
        assertThat(cache.get("c", binding)).containsExactly(3);
    }

    @Test
    void clearEmptiesAndSizeOrLifetimeZeroDisables() {
        DataKeyCache cache = cache(10, Duration.ofSeconds(30));
        cache.put("a", binding, new byte[] {1});
        cache.clear();
        assertThat(cache.get("a", binding)).isNull();

        for (DataKeyCache disabled : new DataKeyCache[] {cache(0, Duration.ofSeconds(30)), cache(10, Duration.ZERO)}) {
            disabled.put("a", binding, new byte[] {1});
            assertThat(disabled.enabled()).isFalse();
            assertThat(disabled.get("a", binding)).isNull();
        }
    }
}
