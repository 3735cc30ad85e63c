package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safereg.keys.KekProvider;
import org.safereg.keys.SubjectId;
import org.safereg.keys.testing.TestKek;
import org.safereg.privacy.PurposePolicy;

/**
 * Benchmark (not a test): record load through the registration-core services with each key provider in the same
 * run: the local keystore, and Vault Transit against {@link org.safereg.keys.vault.TransitTestServer} — the in-JVM
 * test double of Vault, not Vault — on loopback. Per provider: enrol N individuals, then read them one by one with
 * a fresh provider (no cached data key: one unwrap per record), again (Vault: data-key cache warm), and list them
 * by location in pages of 100 with a fresh provider, then rotate the KEK (Vault: as the operator) and run the
 * re-wrap job (Vault: {@code transit/rewrap} batches). Each read also appends its audit event. One unreported
 * warm-up pass of 300 records per provider first. Each pass runs on a fresh database of the test PostgreSQL server
 * ({@link org.safereg.registration.testing.TestDatabase}).
 *
 * <p>Run (docs/benchmarks.md, section 3):
 * <pre>
 * mvn -B -q -pl registration-core -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=/tmp/bench.cp
 * java -cp registration-core/target/test-classes:registration-core/target/classes:$(cat /tmp/bench.cp) \
 *     org.safereg.registration.RecordLoadBenchmark [records, default 1000]
 * </pre>
 */
public final class RecordLoadBenchmark {
    private static final int PAGE = 100;
    private static final int WARM_UP = 300;

    private RecordLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("record-load-benchmark");
        System.out.printf("records: %d, %d cores, Java %s%n%n", records, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.println("| provider | what | records/s | mean per record |");
        System.out.println("| --- | --- | ---: | ---: |");
        try (TestKek local = TestKek.local(dir); TestKek vault = TestKek.vault()) {
            // warm-up of both paths (JIT, connection pools), not reported
            run("local keystore", local, WARM_UP, false);
            run("Vault test double", vault, WARM_UP, false);
            run("local keystore", local, records, true);
            run("Vault test double", vault, records, true);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void run(String provider, TestKek keys, int records, boolean print) {
        try (CoreFixture f = new CoreFixture(keys)) {
            List<SubjectId> ids = new ArrayList<>(records);
            report(print, provider, "enrol (FULL record, one by one)", records, () -> {
                for (int i = 0; i < records; i++) {
                    ids.add(f.core.individuals().enrol(f.registrar(), TestConsents.standard(), CoreFixture.person("Bench" + i, "Load",
                            LocalDate.of(1980, 1, 1).plusDays(i), "BENCH-" + i, "+252 61 700 " + (1000 + i)),
                            Optional.empty()).id());
                }
            });
            RegistrationCore cold = core(f, keys.reopen());
            report(print, provider, "read one by one, no cached data key", records, () -> ids.forEach(id ->
                    cold.individuals().read(f.registrar(), id)));
            report(print, provider, "read one by one again (Vault: cache warm)", records, () -> ids.forEach(id ->
                    cold.individuals().read(f.registrar(), id)));
            RegistrationCore listing = core(f, keys.reopen());
            report(print, provider, "list by location, pages of " + PAGE + ", no cached data key", records, () -> {
                for (int page = 0; page * PAGE < records; page++) {
                    listing.individuals().listByLocation(f.registrar(), CoreFixture.DISTRICT, new PageRequest(page, PAGE));
                }
            });
            if (keys.rotatedByOperator()) {
                keys.rotateAsOperator();
            } else {
                keys.provider().rotate();
            }
            report(print, provider, "re-wrap job after rotation (batches of 1000; per key)", records, () ->
                    f.core.keyManagement().rewrapAll(f.dpo("ADMIN.KEYS"), 1000, batch -> { }));
        }
    }

    private static RegistrationCore core(CoreFixture f, KekProvider kek) {
        return RegistrationCore.create(f.dataSource, kek, PurposePolicy.defaults(), Clock.systemUTC());
    }

    private static void report(boolean print, String provider, String what, int records, Runnable run) {
        long start = System.nanoTime();
        run.run();
        long elapsed = System.nanoTime() - start;
        if (!print) {
            return;
        }
        System.out.printf("| %s | %s | %,.0f | %.2f ms |%n", provider, what, records / (elapsed / 1e9),
                elapsed / 1e6 / records);
    }
}
