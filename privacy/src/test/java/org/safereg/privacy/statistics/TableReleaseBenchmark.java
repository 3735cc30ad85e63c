package org.safereg.privacy.statistics;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import org.safereg.privacy.statistics.noise.Rational;

/**
 * Benchmark of aggregate release (issue 6): synthetic persons tallied into admin2 (under admin1) &times; sex
 * &times; age band &times; population category (sensitive), each with totals; protected by suppression with
 * the PUBLIC (k = 5) and AGREEMENT (k = 3) profiles, audit included, then released with discrete Gaussian
 * noise instead. Each protection runs twice on the same table (cold, then with the JIT warm). Arguments:
 * {@code [persons] [admin1] [admin2 per admin1]}, defaults 1,000,000, 20 and 10.
 */
public final class TableReleaseBenchmark {
    private TableReleaseBenchmark() {}

    public static void main(String[] args) {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int admin1 = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int admin2 = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        SyntheticPopulation population = new SyntheticPopulation(admin1, admin2, 1.8, 5, 5, 2026);
        long start = System.nanoTime();
        CountTable table = population.tally(persons, 1);
        long tally = System.nanoTime() - start;
        System.out.printf("persons %,d; table %,d cells (%,d leaves); tally %d ms%n", persons, table.cellCount(),
                table.cells().stream().filter(table::isLeaf).count(), tally / 1_000_000);
        areaSizes(table);
        for (ProtectionProfile profile : ProtectionProfile.values()) {
            TableProtector protector = new TableProtector(Profiles.rules(profile));
            ProtectedTable p = null;
            for (String run : new String[] {"cold", "warm"}) {
                long t0 = System.nanoTime();
                p = protector.protect(table);
                long total = System.nanoTime() - t0;
                Map<CellInterval.Bounds, Integer> bounds = new EnumMap<>(CellInterval.Bounds.class);
                for (CellInterval i : p.audit().intervals()) {
                    bounds.merge(i.bounds(), 1, Integer::sum);
                }
                System.out.printf("%s k=%d %s: total %d ms = suppression %d ms + audit %d ms; repair rounds %d;"
                        + " cells that reached the LP %d; withheld %,d of %,d cells %s; audit intervals %s%n",
                        profile, Profiles.rules(profile).k(), run, total / 1_000_000,
                        p.timings().suppression().toMillis(), p.timings().audit().toMillis(),
                        p.timings().repairRounds(), p.audit().cellsByLinearProgram(),
                        p.pattern().suppressedCells().size(), table.cellCount(), p.pattern().countsByReason(),
                        bounds);
            }
            long t0 = System.nanoTime();
            AuditReport independent = new SuppressionAudit(Profiles.rules(profile)).audit(p.pattern());
            System.out.printf("%s public audit of the released pattern alone (no witnesses handed over): %d ms,"
                    + " passed %s, cells that reached the LP %d%n", profile, (System.nanoTime() - t0) / 1_000_000,
                    independent.passed(), independent.cellsByLinearProgram());
        }
        NoiseSpec spec = NoiseSpec.discreteGaussian(Rational.of(50));
        for (String run : new String[] {"cold", "warm"}) {
            long t0 = System.nanoTime();
            NoisyTable noisy = NoisyTables.release(table, spec, new SecureRandom());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("DP %s %s scale %s: %d ms; rho %s (epsilon %.3f at delta 1e-6); grand total %,d -> %,d%n",
                    run, spec.mechanism(), spec.scale(), ms, noisy.rho().value(), noisy.rho().epsilonAt(1e-6),
                    table.count(TableCell.of("ALL", "T", "T", "T")),
                    noisy.published().count(TableCell.of("ALL", "T", "T", "T")));
        }
    }

    private static void areaSizes(CountTable table) {
        Dimension geography = table.dimensions().get(0);
        java.util.List<Long> sizes = new java.util.ArrayList<>();
        for (int node = 0; node < geography.size(); node++) {
            if (geography.isLeaf(node)) {
                sizes.add(table.count(TableCell.of(geography.code(node), "T", "T", "T")));
            }
        }
        sizes.sort(null);
        System.out.printf("admin2 sizes: min %,d, median %,d, max %,d; under 100 persons: %d of %d; over 1,000: %d%n",
                sizes.get(0), sizes.get(sizes.size() / 2), sizes.get(sizes.size() - 1),
                sizes.stream().filter(s -> s < 100).count(), sizes.size(),
                sizes.stream().filter(s -> s > 1_000).count());
    }
}
