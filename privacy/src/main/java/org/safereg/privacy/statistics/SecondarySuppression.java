package org.safereg.privacy.statistics;

import java.util.ArrayList;
import java.util.List;

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
 * Greedy and not optimal (optimal secondary suppression is NP-hard); the LP audit is the check.
 * Cost O(passes &times; equation cells); stateless.
 */
final class SecondarySuppression {
    private SecondarySuppression() {}

    static SuppressionPattern apply(SuppressionPattern primary, int k) {
        CountTable table = primary.table();
        SuppressionReason[] reasons = primary.reasons();
        List<int[]> equations = table.equations();
        List<List<int[]>> byCell = new ArrayList<>(table.cellCount());
        for (int i = 0; i < table.cellCount(); i++) {
            byCell.add(new ArrayList<>());
        }
        for (int[] eq : equations) {
            for (int cell : eq) {
                byCell.get(cell).add(eq);
            }
        }
        boolean changed;
        do {
            changed = false;
            for (int[] eq : equations) {
                if (withheld(eq, reasons) == 1) {
                    int complement = bestComplement(eq, table, reasons, byCell, k);
                    reasons[complement] = SuppressionReason.COMPLEMENTARY;
                    changed = true;
                }
            }
        } while (changed);
        return new SuppressionPattern(table, reasons);
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

    private static int bestComplement(int[] eq, CountTable table, SuppressionReason[] reasons,
            List<List<int[]>> byCell, int k) {
        int best = -1;
        long[] bestKey = null;
        for (int cell : eq) {
            if (reasons[cell] != null) {
                continue;
            }
            long count = table.count(cell);
            int newSingles = 0;
            for (int[] other : byCell.get(cell)) {
                if (other != eq && withheld(other, reasons) == 0) {
                    newSingles++;
                }
            }
            int depth = table.rows().depth(table.rowOf(cell)) + table.columns().depth(table.columnOf(cell));
            long[] key = {count >= k ? 0 : 1, newSingles, count, -depth, cell};
            if (bestKey == null || compare(key, bestKey) < 0) {
                best = cell;
                bestKey = key;
            }
        }
        return best;
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
