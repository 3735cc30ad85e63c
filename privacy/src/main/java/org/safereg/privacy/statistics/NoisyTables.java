package org.safereg.privacy.statistics;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.safereg.privacy.statistics.noise.IntegerNoise;

/**
 * Differentially private release of a count table: instead of suppression, every leaf cell of the public key
 * space gets independent exact integer noise, then the table is made publishable (non-negative integers,
 * every margin the sum of its leaves). No cell is withheld and no audit is needed: the guarantee is the
 * noise's, {@link NoiseSpec#rho()} per release of a person-level table (each person in exactly one leaf, so
 * adding or removing a person changes one leaf by one).
 *
 * <p><b>Key space.</b> The caller builds the table's dimensions from codes known independently of the data
 * (the location catalogue's P-codes, the configured categories), never from the codes that occur: empty
 * cells get noise like any other, so which cells exist discloses nothing.
 *
 * <p><b>Post-processing</b> (no further privacy cost). Raw noisy leaves may be negative. Cells are refined
 * top-down along a fixed chain: the grand total, then dimension 0 level by level, then dimension 1, and so
 * on, down to the leaves (so with geography as dimension 0: national, admin1, admin2, then the admin2's
 * breakdown by the next dimensions). The grand total is published as {@code max(0, raw total)}; every node
 * on the chain splits its published value among its children by the least-squares projection of the
 * children's raw noisy sums onto the non-negative values with that total ({@code y = max(0, z - tau)}),
 * rounded to integers by largest remainder (ties broken at random). Margins off the chain are the sums of
 * the published leaves.
 *
 * <p><b>Bias and variance.</b> Each leaf's noise has mean 0 and variance {@link NoiseSpec#variance()}
 * (about {@code sigma^2}; {@code 2b^2} for a large Laplace scale); a raw margin over {@code m} leaves has
 * variance {@code m} times that. Where no raw sum among siblings is negative the projection changes nothing
 * and every published cell equals its raw noisy value: unbiased. Where some are (empty and small cells,
 * sparse areas), the negative ones are raised to 0 and the others lowered by a common shift {@code tau}
 * (those below it to 0) so that the parent keeps its published value: cells whose true count is 0 are
 * biased upwards (they are never published negative), small positive cells may be biased either way, large
 * ones slightly downwards. Chain margins stay unbiased up to the clamping of the grand total at 0 (a grand
 * total over {@code m} empty leaves has mean about {@code sqrt(m) * sigma / sqrt(2 pi)} instead of 0).
 * Margins off the chain (for example the national total by category) are sums of published leaves and
 * carry the sum of their biases, upwards in proportion to the number of empty leaves under them. Rounding
 * moves any cell by less than one. Put the dimension whose totals matter most (usually geography) first.
 *
 * <p>Stateless; thread-safe if the random source is. Cost: one exact draw per leaf (a few microseconds
 * each), O(cells &times; log) for the post-processing.
 */
public final class NoisyTables {
    private NoisyTables() {}

    /** Adds noise to every leaf of {@code exact}, post-processes, and returns what to publish and charge. */
    public static NoisyTable release(CountTable exact, NoiseSpec spec, SecureRandom random) {
        Objects.requireNonNull(random);
        IntegerNoise noise = spec.sampler(random);
        long[] noisy = new long[exact.cellCount()];
        for (int cell = 0; cell < noisy.length; cell++) {
            if (exact.isLeaf(cell)) {
                noisy[cell] = Math.addExact(exact.count(cell), noise.sample());
            }
        }
        long[] raw = exact.addUp(noisy);
        long[] published = new long[noisy.length];
        new Consistency(exact, raw, published, random).split(0, 0, Math.max(0, raw[0]));
        return new NoisyTable(exact.withLeafCounts(published), spec, spec.rho());
    }

    /** The top-down projection; lives for one release. */
    private record Consistency(CountTable table, long[] raw, long[] published, SecureRandom random) {
        /** Publishes {@code target} at {@code cell} (refined up to dimension {@code d}) and splits it below. */
        void split(int cell, int d, long target) {
            while (d < table.dimensionCount() && table.dimensions().get(d).isLeaf(table.node(cell, d))) {
                d++;
            }
            if (d == table.dimensionCount()) {
                published[cell] = target;
                return;
            }
            List<Integer> kids = table.dimensions().get(d).children(table.node(cell, d));
            int[] cells = new int[kids.size()];
            long[] z = new long[kids.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = table.withNode(cell, d, kids.get(i));
                z[i] = raw[cells[i]];
            }
            long[] y = project(z, target, random);
            for (int i = 0; i < cells.length; i++) {
                split(cells[i], d, y[i]);
            }
        }
    }

    /**
     * The non-negative integers summing to {@code total} closest to {@code z}: the Euclidean projection onto
     * the scaled simplex, {@code max(0, z_i - tau)}, computed exactly in integers, then rounded down with the
     * remainder going to the largest fractional parts.
     */
    static long[] project(long[] z, long total, SecureRandom random) {
        int m = z.length;
        long[] y = new long[m];
        if (total == 0) {
            return y;
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingLong((Integer i) -> z[i]).reversed());
        // tau = (sum of the top rho values - total) / rho, rho the largest j with z_(j) > tau_j
        long sum = 0;
        long rho = 0;
        long top = 0;
        for (int j = 1; j <= m; j++) {
            sum += z[order[j - 1]];
            if (j * z[order[j - 1]] > sum - total) {
                rho = j;
                top = sum;
            }
        }
        long shift = top - total;
        long assigned = 0;
        List<long[]> fractions = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            long scaled = rho * z[i] - shift;
            if (scaled > 0) {
                y[i] = Math.floorDiv(scaled, rho);
                assigned += y[i];
                fractions.add(new long[] {Math.floorMod(scaled, rho), random.nextLong(), i});
            }
        }
        fractions.sort(Comparator.<long[]>comparingLong(f -> -f[0]).thenComparingLong(f -> f[1]));
        for (int r = 0; r < total - assigned; r++) {
            y[(int) fractions.get(r)[2]]++;
        }
        return y;
    }
}
