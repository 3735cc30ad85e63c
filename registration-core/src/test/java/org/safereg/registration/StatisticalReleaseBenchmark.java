package org.safereg.registration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.safereg.privacy.Role;
import org.safereg.privacy.statistics.ProtectionProfile;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.model.PopulationCategory;
import org.safereg.registration.sharing.AgreementDraft;
import org.safereg.registration.statistics.BudgetPeriod;
import org.safereg.registration.statistics.IntegerBands;
import org.safereg.registration.statistics.ReleaseTimings;
import org.safereg.registration.statistics.StatisticsSettings;
import org.safereg.registration.statistics.TableDraft;
import org.safereg.registration.statistics.TableRelease;
import org.safereg.registration.testing.TestDatabase;

/**
 * Benchmark (not a test): end-to-end aggregate release over a synthetic statistical projection of N persons
 * (default 1,000,000), table admin2 (under admin1: 18 regions, 108 districts) x sex x age band x population
 * category, through {@link org.safereg.registration.statistics.StatisticsService#release}: the policy decision,
 * the consent exclusions, the database grouping and the tally into the table, primary and secondary suppression,
 * the LP audit, the CSV, the signed manifest and the register entry, one audit event. Reported per stage
 * ({@link ReleaseTimings}) and as the wall time of the call, for k = 5 (PUBLIC) and k = 3 (AGREEMENT, to a
 * recipient under an agreement), then once with differential privacy instead of suppression. The rows are written
 * straight into {@code stat_projection} with COPY (a seeded, skewed synthetic population: a few large districts,
 * many small ones, so there are small cells to protect). Runs on a fresh
 * database of the test PostgreSQL server ({@link org.safereg.registration.testing.TestDatabase}).
 *
 * <p>Run (docs/benchmarks.md):
 * <pre>
 * mvn -B -q -o -pl registration-core -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=/tmp/bench.cp
 * java -cp registration-core/target/test-classes:registration-core/target/classes:$(cat /tmp/bench.cp) \
 *     org.safereg.registration.StatisticalReleaseBenchmark [persons, default 1000000] [runs, default 3]
 * </pre>
 */
public final class StatisticalReleaseBenchmark {
    private static final String COUNTRY = "BM";
    private static final int REGIONS = 18;
    private static final int DISTRICTS_PER_REGION = 6;
    private static final List<String> TABLE = List.of("ADMIN2", "SEX", "AGE_BAND", "POPULATION_CATEGORY");

    private StatisticalReleaseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("statistical-release-benchmark");
        StatisticsSettings settings = new StatisticsSettings(
                IntegerBands.parse(StatisticsSettings.DEFAULT_AGE_BANDS, 0),
                IntegerBands.parse(StatisticsSettings.DEFAULT_HOUSEHOLD_SIZE_BANDS, 1),
                // the PUBLIC floor lowered to admin2 so that k = 5 can be measured on the same table
                Map.of(ProtectionProfile.PUBLIC, new StatisticsSettings.ProfileSettings(5, 2),
                        ProtectionProfile.AGREEMENT, new StatisticsSettings.ProfileSettings(3, 2)),
                0.9, 1e-6);
        try (CoreFixture f = new CoreFixture(dir, settings)) {
            RegistrationCore core = f.core;
            locations(core);
            long load = System.nanoTime();
            fill(f, persons);
            f.jdbc.sql("ANALYZE stat_projection").update();
            System.out.printf("persons: %,d (COPY into stat_projection: %.1f s), %d cores, Java %s, PostgreSQL: %s%n%n",
                    persons, (System.nanoTime() - load) / 1e9, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    TestDatabase.shared().kind());
            String recipient = "BENCH-PARTNER";
            core.agreements().create(f.dpo("ADMIN.AGREEMENTS"), new AgreementDraft(recipient, "Benchmark partner",
                    List.of("STATS.OPS"), List.of("LOCATION", "SEX", "BIRTH", "POPULATION_CATEGORY"),
                    Instant.now().minusSeconds(60).toString(), Instant.now().plusSeconds(86_400).toString(),
                    Optional.empty(), "PUBLIC_INTEREST_MANDATE", "Benchmark"));
            core.statistics().setCap(f.dpo("ADMIN.STATISTICS"), COUNTRY, BudgetPeriod.of(Instant.now()).toString(),
                    "1000");
            RequestContext statistician = f.context("statistician", Role.STATISTICIAN, "STATS.OPS");
            TableDraft open = draft("PUBLIC", Optional.empty(), Optional.empty());
            TableDraft agreement = draft("AGREEMENT", Optional.of(recipient), Optional.empty());
            TableDraft noisy = draft("PUBLIC", Optional.empty(), Optional.of("8"));

            System.out.println("| release | cells | withheld | read + tally | suppression | audit (repair rounds; cells by LP) | "
                    + "noise | CSV + manifest + register | total (wall) |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            report("k = 5 (PUBLIC), first release of the population and of the JVM", core, statistician, open);
            // later releases of the same table are protected together with the earlier ones (PriorTables)
            for (int run = 0; run < runs; run++) {
                report("k = 3 (AGREEMENT), same table again", core, statistician, agreement);
                report("k = 5 (PUBLIC), same table again", core, statistician, open);
            }
            report("discrete Gaussian, sigma^2 = 8", core, statistician, noisy);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static TableDraft draft(String profile, Optional<String> recipient, Optional<String> sigmaSquared) {
        return new TableDraft(TABLE, Optional.empty(), profile,
                sigmaSquared.map(s -> "DIFFERENTIAL_PRIVACY"), sigmaSquared.map(s -> "DISCRETE_GAUSSIAN"),
                sigmaSquared, COUNTRY, recipient);
    }

    private static void report(String what, RegistrationCore core, RequestContext context, TableDraft draft) {
        long start = System.nanoTime();
        TableRelease release = core.statistics().release(context, draft);
        long wall = System.nanoTime() - start;
        ReleaseTimings t = release.timings();
        System.out.printf("| %s | %,d | %,d | %d ms | %d ms | %d ms (%d; %,d) | %d ms | %d ms | %d ms |%n", what,
                release.cells(), release.suppressedCells(), t.tally().toMillis(), t.suppression().toMillis(),
                t.audit().toMillis(), t.repairRounds(), t.cellsByLinearProgram(), t.noise().toMillis(),
                t.output().toMillis(), wall / 1_000_000);
    }

    private static void locations(RegistrationCore core) {
        core.locations().createAdminUnit(AdminUnit.country(COUNTRY, "Benchmark"));
        for (int r = 1; r <= REGIONS; r++) {
            String region = String.format("%s%02d", COUNTRY, r);
            core.locations().createAdminUnit(AdminUnit.of(region, 1, COUNTRY, "Region " + r));
            for (int d = 1; d <= DISTRICTS_PER_REGION; d++) {
                core.locations().createAdminUnit(AdminUnit.of(region + String.format("%02d", d), 2, region,
                        "District " + r + "." + d));
            }
        }
    }

    /**
     * COPY of {@code persons} seeded synthetic rows: districts weighted 1/rank^0.9 (a few large, many small),
     * 1% located at admin1 only; 51% female, 48% male, 1% other or unknown; ages skewed young, 2% without a
     * birth year; half IDPs, 1% without a category.
     */
    private static void fill(CoreFixture f, int persons) throws SQLException, IOException {
        List<String[]> districts = new ArrayList<>();
        for (int r = 1; r <= REGIONS; r++) {
            for (int d = 1; d <= DISTRICTS_PER_REGION; d++) {
                String region = String.format("%s%02d", COUNTRY, r);
                districts.add(new String[] {region, region + String.format("%02d", d)});
            }
        }
        double[] weights = new double[districts.size()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += 1 / Math.pow(i + 1, 0.9);
            weights[i] = sum;
        }
        PopulationCategory[] categories = PopulationCategory.values();
        double[] categoryShare = {0.50, 0.15, 0.10, 0.05, 0.05, 0.10, 0.04};
        int year = Instant.now().atZone(ZoneOffset.UTC).getYear();
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        Random random = new Random(20261123);
        HexFormat hex = HexFormat.of();
        try (Connection connection = f.dataSource.getConnection()) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY stat_projection (pseudonym, admin0_pcode, admin1_pcode, admin2_pcode, site_type,
                        population_category, sex, birth_year, nationality, registration_month, household_size,
                        specific_needs, household_pseudonym, household_head) FROM STDIN""");
            StringBuilder batch = new StringBuilder();
            byte[] pseudonym = new byte[16];
            for (int i = 0; i < persons; i++) {
                random.nextBytes(pseudonym);
                double u = random.nextDouble() * sum;
                int d = 0;
                while (weights[d] < u) {
                    d++;
                }
                String[] district = districts.get(d);
                double s = random.nextDouble();
                String sex = s < 0.51 ? "FEMALE" : s < 0.99 ? "MALE" : s < 0.995 ? "OTHER" : "UNKNOWN";
                String birthYear = random.nextDouble() < 0.02 ? "\\N"
                        : Integer.toString(year - (int) Math.min(95, Math.abs(random.nextGaussian() * 28)));
                double c = random.nextDouble();
                String category = "\\N";
                for (int k = 0; k < categories.length; k++) {
                    if (c < 0.99 * cumulative(categoryShare, k)) {
                        category = categories[k].name();
                        break;
                    }
                }
                batch.append("\\\\x").append(hex.formatHex(pseudonym)).append('\t')
                        .append(COUNTRY).append('\t')
                        .append(district[0]).append('\t')
                        .append(random.nextDouble() < 0.01 ? "\\N" : district[1]).append('\t')
                        .append("CAMP_OR_SITE\t")
                        .append(category).append('\t')
                        .append(sex).append('\t')
                        .append(birthYear).append('\t')
                        .append("SOM\t")
                        .append(month).append('\t')
                        .append("1\t{}\t\\N\tf\n");
                if (batch.length() > 1 << 20) {
                    write(copy, batch);
                }
            }
            write(copy, batch);
            copy.endCopy();
        }
    }

    private static double cumulative(double[] shares, int upTo) {
        double total = 0;
        for (int i = 0; i <= upTo; i++) {
            total += shares[i];
        }
        return total;
    }

    private static void write(CopyIn copy, StringBuilder batch) throws SQLException {
        byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        batch.setLength(0);
    }
}
