package org.safereg.keys.vault;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.safereg.keys.DataCategory;
import org.safereg.keys.KekProvider;
import org.safereg.keys.KeyBinding;
import org.safereg.keys.LocalKeystoreKekProvider;
import org.safereg.keys.SubjectId;
import org.safereg.keys.WrappedKeyRepository.StoredKey;

/**
 * Benchmark (not a test): data-key unwraps per second with the Vault Transit provider against the test double
 * {@link TransitTestServer} on loopback, one by one, batched ({@code batch_input}) and through the data-key cache,
 * next to the local keystore provider in the same run; plus the cost of deriveSecret and sign. The double is not
 * Vault: the figures measure the client side (driver, JSON, HTTP on loopback) plus a light server, so a real
 * Vault adds its own processing and the network round trip.
 *
 * <p>Run: {@code mvn -B -q -pl keys test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.safereg.keys.vault.VaultTransitBenchmark [-Dexec.args=2000]}
 */
public final class VaultTransitBenchmark {
    private static final SecureRandom RANDOM = new SecureRandom();

    private VaultTransitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dir = Files.createTempDirectory("vault-benchmark");
        try (TransitTestServer server = TransitTestServer.start()) {
            VaultTransitConfig config = TransitTestKeys.provision(server).config();
            LocalKeystoreKekProvider local = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"),
                    "benchmark".toCharArray());
            try (VaultTransitKekProvider uncached = VaultTransitKekProvider.connect(config.withDataKeyCache(0, Duration.ZERO));
                 VaultTransitKekProvider cached = VaultTransitKekProvider.connect(
                         config.withDataKeyCache(keys, Duration.ofMinutes(5)))) {
                List<StoredKey> localKeys = wrapped(local, keys);
                List<StoredKey> vaultKeys = wrapped(uncached, keys);

                System.out.printf("keys: %d, %d cores, Java %s%n%n", keys, Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"));
                System.out.println("| what | unwraps/s | mean per key |");
                System.out.println("| --- | ---: | ---: |");
                report("local keystore, one by one", keys, () -> unwrapEach(local, localKeys));
                report("Vault test double, one by one, 1 thread", keys, () -> unwrapEach(uncached, vaultKeys));
                report("Vault test double, one by one, 4 threads", keys, () -> unwrapInParallel(uncached, vaultKeys, 4));
                report("Vault test double, batch_input (250 per request)", keys, () -> check(uncached.unwrapAll(vaultKeys)));
                report("Vault test double, cache cold (first read, one by one)", keys, () -> unwrapEach(cached, vaultKeys), 1);
                report("Vault test double, cache warm (repeat read)", keys, () -> unwrapEach(cached, vaultKeys));
                System.out.println();
                System.out.println("| what | calls/s | mean per call |");
                System.out.println("| --- | ---: | ---: |");
                int calls = Math.max(100, keys / 4);
                report("deriveSecret, local (HKDF of the in-memory root)", calls, () -> repeat(calls, i -> local.deriveSecret("blind-index/f" + i % 8)));
                report("deriveSecret, Vault transit/hmac", calls, () -> repeat(calls, i -> uncached.deriveSecret("blind-index/f" + i % 8)));
                byte[] checkpoint = "checkpoint".getBytes(StandardCharsets.UTF_8);
                report("sign, local Ed25519", calls, () -> repeat(calls, i -> local.sign(checkpoint)));
                report("sign, Vault transit/sign", calls, () -> repeat(calls, i -> uncached.sign(checkpoint)));
                var signature = uncached.sign(checkpoint);
                report("verify, Vault provider (offline, cached public key)", calls,
                        () -> repeat(calls, i -> uncached.verify(checkpoint, signature)));
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<StoredKey> wrapped(KekProvider kek, int count) {
        List<StoredKey> stored = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] dataKey = new byte[32];
            RANDOM.nextBytes(dataKey);
            KeyBinding binding = new KeyBinding(SubjectId.random(), DataCategory.BIOMETRIC, 1);
            stored.add(new StoredKey(binding, kek.wrap(dataKey, binding)));
        }
        return stored;
    }

    private static void unwrapEach(KekProvider kek, List<StoredKey> keys) {
        for (StoredKey key : keys) {
            kek.unwrap(key.wrapped(), key.binding());
        }
    }

    private static void unwrapInParallel(KekProvider kek, List<StoredKey> keys, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            int size = (keys.size() + threads - 1) / threads;
            for (int from = 0; from < keys.size(); from += size) {
                List<StoredKey> part = keys.subList(from, Math.min(keys.size(), from + size));
                parts.add(pool.submit(() -> unwrapEach(kek, part)));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private static void check(List<Optional<byte[]>> results) {
        if (results.stream().anyMatch(Optional::isEmpty)) {
            throw new IllegalStateException("a key did not unwrap");
        }
    }

    private static void repeat(int times, Consumer<Integer> action) {
        for (int i = 0; i < times; i++) {
            action.accept(i);
        }
    }

    private static void report(String what, int operations, Runnable run) {
        report(what, operations, run, 3);
    }

    /** Runs {@code run} {@code rounds} times (the first is a warm-up when there are several), reports the best. */
    private static void report(String what, int operations, Runnable run, int rounds) {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            run.run();
            long elapsed = System.nanoTime() - start;
            if (rounds == 1 || round > 0) {
                best = Math.min(best, elapsed);
            }
        }
        double seconds = best / 1e9;
        System.out.printf("| %s | %,.0f | %.1f µs |%n", what, operations / seconds, best / 1e3 / operations);
    }
}
