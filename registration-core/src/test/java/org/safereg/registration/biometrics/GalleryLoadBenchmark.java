package org.safereg.registration.biometrics;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import org.safereg.keys.DataCategory;
import org.safereg.keys.FieldCipher;
import org.safereg.keys.LocalKeystoreKekProvider;
import org.safereg.keys.SubjectId;
import org.safereg.matching.ExtractedFinger;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.FingerprintRejectedException;
import org.safereg.matching.TemplateExtractor;
import org.safereg.matching.synthetic.SyntheticFingerprintGenerator;
import org.safereg.privacy.PurposePolicy;
import org.safereg.registration.Migrations;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.storage.Transactions;
import org.safereg.registration.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gallery load rate from the database (see docs/biometrics.md, "Benchmarks", for how to run it): fills a fresh
 * database on the test PostgreSQL server (embedded unless REGISTRY_TEST_DB_URL is set) with persons of two
 * fingers each, stored exactly as enrolment stores them (BIOMETRIC data key wrapped by a local BCFKS KEK,
 * AES-GCM ciphertexts of the PNG image and the SourceAFIS template), then times
 * {@link BiometricService#loadGallery()} of a freshly created core: key unwrap, decryption and deserialization
 * of every template, plus the SQL reads.
 * <p>
 * Templates come from a pool of distinct synthetic fingers assigned round-robin (each stored row is its own
 * ciphertext and each loaded template its own deserialized object). Persons are inserted directly (individual row,
 * key, captures), without the deduplication search of a real enrolment, which is not what is measured here.
 * <p>
 * Arguments: {@code --pool 200 --persons 2000,5000,10000 --rounds 5}. Prints one line per gallery size: best and
 * median of the rounds, after one discarded warm-up load (JIT) at the first size.
 */
public final class GalleryLoadBenchmark {
    private static final long SEED = 20261123;
    private static final FingerPosition[] POSITIONS = {FingerPosition.RIGHT_INDEX, FingerPosition.LEFT_INDEX};

    private GalleryLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int poolSize = intArg(args, "--pool", 200);
        int rounds = intArg(args, "--rounds", 5);
        int[] sizes = Arrays.stream(stringArg(args, "--persons", "2000,5000,10000").split(","))
                .mapToInt(Integer::parseInt).sorted().toArray();
        System.out.printf(Locale.ROOT, "# GalleryLoadBenchmark: %d processors, max heap %d MB, Java %s, SourceAFIS %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), TemplateExtractor.sourceafisVersion());

        long start = System.nanoTime();
        List<Sample> pool = pool(poolSize);
        System.out.printf(Locale.ROOT, "synthetic pool: %d fingers in %.1f s, template %d-%d B, PNG %d-%d B%n",
                pool.size(), (System.nanoTime() - start) / 1e9,
                pool.stream().mapToInt(s -> s.template.length).min().orElse(0),
                pool.stream().mapToInt(s -> s.template.length).max().orElse(0),
                pool.stream().mapToInt(s -> s.png.length).min().orElse(0),
                pool.stream().mapToInt(s -> s.png.length).max().orElse(0));

        Path keys = Files.createTempDirectory("gallery-bench");
        LocalKeystoreKekProvider kek = LocalKeystoreKekProvider.openOrCreate(keys.resolve("kek.bcfks"),
                "benchmark-passphrase".toCharArray());
        HikariConfig config = new HikariConfig();
        config.setDataSource(TestDatabase.shared().newDatabase());
        config.setMaximumPoolSize(4);
        try (HikariDataSource dataSource = new HikariDataSource(config);
             RegistrationCore writer = RegistrationCore.create(dataSource, kek, PurposePolicy.defaults(),
                     Clock.systemUTC())) {
            Migrations.apply(dataSource);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            Transactions transactions = new Transactions(dataSource);
            FingerprintStore store = new FingerprintStore(jdbc);
            int persons = 0;
            System.out.println("persons | fingers | database MB | fill s | load s best / median of " + rounds
                    + " | templates/s best / median | heap MB after load");
            boolean warmedUp = false;
            for (int size : sizes) {
                long fill = System.nanoTime();
                persons = fill(transactions, jdbc, store, writer, pool, persons, size);
                double fillSeconds = (System.nanoTime() - fill) / 1e9;
                jdbc.sql("VACUUM ANALYZE").update();
                long databaseBytes = jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
                double[] seconds = new double[rounds];
                long fingers = 0;
                long heap = 0;
                for (int r = warmedUp ? 0 : -1; r < rounds; r++) {
                    try (RegistrationCore reader = RegistrationCore.create(dataSource, kek, PurposePolicy.defaults(),
                            Clock.systemUTC())) {
                        long t = System.nanoTime();
                        GalleryStatus status = reader.biometrics().loadGallery();
                        if (r >= 0) {
                            seconds[r] = (System.nanoTime() - t) / 1e9;
                        }
                        fingers = status.fingers();
                        if (status.persons() != size || status.failedPersons() != 0) {
                            throw new IllegalStateException("unexpected load result " + status);
                        }
                        heap = usedHeap();
                    }
                }
                warmedUp = true;
                Arrays.sort(seconds);
                double best = seconds[0];
                double median = seconds[rounds / 2];
                System.out.printf(Locale.ROOT, "%d | %d | %d | %.1f | %.2f / %.2f | %.0f / %.0f | %d%n", size, fingers,
                        databaseBytes >> 20, fillSeconds, best, median, fingers / best, fingers / median, heap >> 20);
            }
        }
        System.exit(0);
    }

    private record Sample(ExtractedFinger finger, byte[] template, byte[] png) {
    }

    /** Distinct synthetic fingers (impression 0), extracted once. */
    private static List<Sample> pool(int size) {
        SyntheticFingerprintGenerator generator = new SyntheticFingerprintGenerator(SEED);
        TemplateExtractor extractor = new TemplateExtractor();
        return IntStream.range(0, size).parallel().mapToObj(i -> {
            byte[] png = generator.impression(generator.finger(i), 0).toPng();
            try {
                ExtractedFinger finger = extractor.extract(png, POSITIONS[i % 2]);
                return new Sample(finger, finger.templateBytes(), png);
            } catch (FingerprintRejectedException e) {
                return null;
            }
        }).filter(Objects::nonNull).toList();
    }

    /** Inserts persons {@code from..to-1} (ACTIVE, two fingers each), 500 per transaction; returns {@code to}. */
    private static int fill(Transactions transactions, JdbcClient jdbc, FingerprintStore store, RegistrationCore core,
                            List<Sample> pool, int from, int to) {
        List<Sample> left = pool.stream().filter(s -> s.finger.position() == POSITIONS[0]).toList();
        List<Sample> right = pool.stream().filter(s -> s.finger.position() == POSITIONS[1]).toList();
        for (int batch = from; batch < to; batch += 500) {
            int first = batch;
            int last = Math.min(to, batch + 500);
            transactions.inTransaction(() -> {
                Instant now = Instant.now();
                for (int p = first; p < last; p++) {
                    SubjectId id = SubjectId.random();
                    jdbc.sql("INSERT INTO individual (id, status, current_version, created_at) VALUES (?, 'ACTIVE', 1, ?)")
                            .params(id.value(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
                    FieldCipher cipher = core.keyring().create(id, DataCategory.BIOMETRIC);
                    List<Sample> fingers = new ArrayList<>(List.of(left.get(p % left.size()), right.get(p % right.size())));
                    for (int i = 0; i < fingers.size(); i++) {
                        store.insert(cipher, i, fingers.get(i).finger, fingers.get(i).png, now);
                    }
                }
                return null;
            });
        }
        return to;
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
