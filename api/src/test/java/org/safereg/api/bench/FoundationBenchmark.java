package org.safereg.api.bench;

import com.google.crypto.tink.subtle.AesGcmJce;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.safereg.api.security.AccountService;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.RunningApp;
import org.safereg.api.support.Samples;
import org.safereg.keys.DataCategory;
import org.safereg.keys.FieldCipher;
import org.safereg.keys.FieldName;
import org.safereg.keys.SubjectId;
import org.safereg.keys.SubjectKeyring;
import org.safereg.privacy.Role;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.model.Site;
import org.safereg.registration.model.SiteType;

/**
 * The foundation benchmark (issue 2), in one run: encrypted enrolment throughput and read latency over real
 * HTTP on loopback against the application on its embedded default (real PostgreSQL 17, local BCFKS keystore),
 * then field encryption with and without the envelope layer in the same JVM.
 *
 * <p>Run (see docs/benchmarks.md):
 * <pre>
 * mvn -B -q -pl api -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp api/target/test-classes:api/target/classes:$(cat api/target/cp.txt) \
 *      org.safereg.api.bench.FoundationBenchmark [records] [clients] [reads]
 * </pre>
 * Not a test: figures are recorded by hand in docs/benchmarks.md with machine and date.
 */
public final class FoundationBenchmark {
    private static final String PASSWORD = "benchmark passphrase for a registration officer";

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int reads = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        Path dataDir = Files.createTempDirectory("safereg-bench");
        System.out.printf(Locale.ROOT, "FoundationBenchmark %s: %d records, %d clients, %d reads, %d CPUs, %s%n",
                Instant.now(), records, clients, reads, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"));
        try (RunningApp app = RunningApp.start("registry.data-dir=" + dataDir, "logging.level.root=WARN")) {
            ApiClient officer = setUp(app);
            List<UUID> ids = Collections.synchronizedList(new ArrayList<>());
            enrol(officer, Math.min(200, records), clients, ids, "warm-up");
            ids.clear();
            enrol(officer, records, clients, ids, "measured");
            read(officer, ids, reads, 1);
            read(officer, ids, reads, clients);
            fieldEncryption(app.bean(RegistrationCore.class).keyring(), ids);
        }
    }

    private static ApiClient setUp(RunningApp app) {
        AccountService accounts = app.bean(AccountService.class);
        accounts.create("bench.officer", Set.of(Role.REGISTRATION_OFFICER));
        accounts.changePassword("bench.officer", PASSWORD);
        RegistrationCore core = app.bean(RegistrationCore.class);
        core.locations().createAdminUnit(AdminUnit.country("ZZ", "Benchland"));
        core.locations().createAdminUnit(AdminUnit.of("ZZ01", 1, "ZZ", "North"));
        core.locations().createAdminUnit(AdminUnit.of("ZZ0101", 2, "ZZ01", "North Valley"));
        core.locations().createSite(new Site("ZZ-S1", "Valley camp", SiteType.CAMP_OR_SITE, "ZZ0101"));
        return app.api().as("bench.officer", PASSWORD);
    }

    private static void enrol(ApiClient officer, int count, int clients, List<UUID> ids, String label)
            throws Exception {
        ApiClient enrolling = officer.purpose("REG.ENROL");
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        runClients(clients, () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                long t0 = System.nanoTime();
                ApiClient.Response r = enrolling.header("Idempotency-Key", UUID.randomUUID().toString())
                        .post("/api/v1/individuals", Samples.enrolment(Samples.individual("Given" + i, "Family" + i, Samples.passport())));
                latencies.add(System.nanoTime() - t0);
                if (r.status() != 201) {
                    throw new IllegalStateException("enrolment answered " + r.status());
                }
                ids.add(UUID.fromString(r.json().get("id").asString()));
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "enrol %-8s %5d records, %d clients: %7.1f records/s; latency %s%n",
                label, count, clients, count / seconds, percentiles(latencies));
    }

    private static void read(ApiClient officer, List<UUID> ids, int count, int clients) throws Exception {
        ApiClient reading = officer.purpose("REG.VERIFY");
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        runClients(clients, () -> {
            SecureRandom random = new SecureRandom();
            while (next.getAndIncrement() < count) {
                UUID id = ids.get(random.nextInt(ids.size()));
                long t0 = System.nanoTime();
                ApiClient.Response r = reading.get("/api/v1/individuals/" + id);
                latencies.add(System.nanoTime() - t0);
                if (r.status() != 200) {
                    throw new IllegalStateException("read answered " + r.status());
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "read  %5d reads, %d client(s): %7.1f reads/s; latency %s%n",
                count, clients, count / seconds, percentiles(latencies));
    }

    /**
     * Per field: raw Tink AES-256-GCM under a fixed key (no envelope) vs the envelope {@link FieldCipher}
     * (subject-bound associated data, format byte); per record: opening a subject's data key (wrapped-key row
     * from PostgreSQL + KEK unwrap), the envelope layer's fixed cost.
     */
    private static void fieldEncryption(SubjectKeyring keyring, List<UUID> ids) throws Exception {
        byte[] field = "{\"givenName\":\"Amina\",\"familyName\":\"Abdullahi Hassan\"}".getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        AesGcmJce raw = new AesGcmJce(key);
        byte[] aad = "individual.names|1".getBytes(StandardCharsets.UTF_8);
        FieldCipher envelope = keyring.open(new SubjectId(ids.get(0)), DataCategory.DEMOGRAPHIC);
        FieldName name = FieldName.of("individual.names", 1);
        int ops = 200_000;
        for (int round = 0; round < 6; round++) {
            String label = round == 0 ? "warm-up " : "round " + round + " ";
            long t0 = System.nanoTime();
            byte[] last = null;
            for (int i = 0; i < ops; i++) {
                last = raw.encrypt(field, aad);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                raw.decrypt(last, aad);
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                last = envelope.encrypt(name, field);
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                envelope.decrypt(name, last);
            }
            long t4 = System.nanoTime();
            System.out.printf(Locale.ROOT, "field %s %d-byte field: raw AEAD encrypt %.2f us, decrypt %.2f us; "
                            + "envelope FieldCipher encrypt %.2f us, decrypt %.2f us%n", label, field.length,
                    (t1 - t0) / 1e3 / ops, (t2 - t1) / 1e3 / ops, (t3 - t2) / 1e3 / ops, (t4 - t3) / 1e3 / ops);
        }
        int opens = Math.min(ids.size(), 2000);
        long[] openTimes = new long[opens];
        for (int i = 0; i < opens; i++) {
            long t0 = System.nanoTime();
            keyring.open(new SubjectId(ids.get(i)), DataCategory.DEMOGRAPHIC);
            openTimes[i] = System.nanoTime() - t0;
        }
        System.out.printf(Locale.ROOT, "envelope open (wrapped-key row + KEK unwrap) per record, %d subjects: %s%n",
                opens, percentiles(Arrays.stream(openTimes).boxed().toList()));
    }

    private static void runClients(int clients, Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(work));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String percentiles(java.util.Collection<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
