package org.safereg.privacy.statistics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pipeline stage 2: adds complementary suppressions until no additivity equation (row, column or hierarchy
 * margin) contains exactly one withheld cell, which would otherwise be recomputable by subtraction. Repeats
 * until stable; a cell once withheld stays withheld.
 *
 * <p>When an equation has a single withheld cell, the complement is chosen among the equation's published
 * cells, least information lost first:
 * <ol>
 *   <li>cells holding at least {@code k} (they can absorb a shift of {@code k} from the protected cell, which
 *       the {@link SuppressionAudit} demands; a complement of 0 only lets the protected cell move down);
 *   <li>fewest equations of the candidate left with a single withheld cell by the choice (prefer cells whose
 *       other equations already have a suppression, so one complement closes several equations);
 *   <li>smallest count;
 *   <li>deepest (a leaf over a margin), then table order, for determinism.
 * </ol>
 * Greedy and not optimal (optimal secondary suppression is NP-hard). Closing lone cells is necessary but not
 * sufficient (two small cells in one row hide each other from subtraction but not from each other's bounds):
 * {@link TableProtector} audits the result and {@linkplain #widen widens} it until the audit passes.
 * Cost O(passes &times; equation cells). Instances live for one call and are confined to it.
 */
final class SecondarySuppression {
    static SuppressionPattern apply(SuppressionPattern primary, int k) {
        return new SecondarySuppression(primary, k).closeLoneCells();
    }

    /**
     * Adds one complement for each given withheld cell that the audit found under-protected: the cheapest
     * published cell sharing an equation with it (searching outwards through equations when all its
     * neighbours are already withheld), then closes lone cells again.
     */
    static SuppressionPattern widen(SuppressionPattern pattern, List<Integer> underProtected, int k) {
        SecondarySuppression s = new SecondarySuppression(pattern, k);
        for (int cell : underProtected) {
            s.addNearestComplement(cell);
        }
        return s.closeLoneCells();
    }

    private final CountTable table;
    private final SuppressionReason[] reasons;
    private final int k;
    private final List<int[]> equations;
    private final List<List<int[]>> byCell;

    private SecondarySuppression(SuppressionPattern pattern, int k) {
        this.table = pattern.table();
        this.reasons = pattern.reasons();
        this.k = k;
        this.equations = table.equations().asArrays();
        this.byCell = new ArrayList<>(table.cellCount());
        for (int i = 0; i < table.cellCount(); i++) {
            byCell.add(new ArrayList<>());
        }
        for (int[] eq : equations) {
            for (int cell : eq) {
                byCell.get(cell).add(eq);
            }
        }
    }

    private SuppressionPattern closeLoneCells() {
        boolean changed;
        do {
            changed = false;
            for (int[] eq : equations) {
                if (withheld(eq, reasons) == 1) {
                    reasons[cheapest(eq, List.of(eq))] = SuppressionReason.COMPLEMENTARY;
                    changed = true;
                }
            }
        } while (changed);
        return new SuppressionPattern(table, reasons);
    }

    private void addNearestComplement(int start) {
        Set<Integer> seen = new HashSet<>(List.of(start));
        List<Integer> layer = List.of(start);
        while (!layer.isEmpty()) {
            List<int[]> around = new ArrayList<>();
            for (int cell : layer) {
                around.addAll(byCell.get(cell));
            }
            int best = -1;
            long[] bestKey = null;
            List<Integer> next = new ArrayList<>();
            for (int[] eq : around) {
                for (int cell : eq) {
                    if (reasons[cell] == null) {
                        long[] key = key(cell, around);
                        if (bestKey == null || compare(key, bestKey) < 0) {
                            best = cell;
                            bestKey = key;
                        }
                    } else if (seen.add(cell)) {
                        next.add(cell);
                    }
                }
            }
            if (best >= 0) {
                reasons[best] = SuppressionReason.COMPLEMENTARY;
                return;
            }
            layer = next;
        }
    }

    static int withheld(int[] eq, SuppressionReason[] reasons) {
        int n = 0;
        for (int cell : eq) {
            if (reasons[cell] != null) {
                n++;
            }
        }
        return n;
    }

    /** The published cell of {@code eq} losing the least information. */
    private int cheapest(int[] eq, List<int[]> considered) {
        int best = -1;
        long[] bestKey = null;
        for (int cell : eq) {
            if (reasons[cell] != null) {
                continue;
            }
            long[] key = key(cell, considered);
            if (bestKey == null || compare(key, bestKey) < 0) {
                best = cell;
                bestKey = key;
            }
        }
        return best;
    }

    /** Sort key of a candidate complement (see the class comment); equations in {@code considered} are not
     *  counted as newly left with a lone cell. */
    private long[] key(int cell, List<int[]> considered) {
        long count = table.count(cell);
        int newLoneCells = 0;
        for (int[] other : byCell.get(cell)) {
            if (!considered.contains(other) && withheld(other, reasons) == 0) {
                newLoneCells++;
            }
        }
        int depth = table.depth(cell);
        return new long[] {count >= k ? 0 : 1, newLoneCells, count, -depth, cell};
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Long.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
