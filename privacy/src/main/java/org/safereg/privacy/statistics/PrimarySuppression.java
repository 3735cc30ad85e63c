package org.safereg.privacy.statistics;

import java.util.List;

/**
 * Pipeline stage 1: marks the cells sensitive in themselves. Every cell, margins included, with
 * {@code 0 < n < k} ({@link SuppressionReason#SMALL_COUNT}); and, for each sensitive dimension, along every
 * line of the table through that dimension (every subtotal of it, at every combination of the other
 * dimensions' nodes), the dominant child when it holds at least the configured share of the subtotal
 * ({@link SuppressionReason#GROUP_DISCLOSURE}); and every cell an earlier release withheld
 * ({@link SuppressionReason#PRIOR_RELEASE}). O(dimensions &times; cells). Stateless.
 */
final class PrimarySuppression {
    private PrimarySuppression() {}

    static SuppressionPattern apply(CountTable table, SuppressionRules rules) {
        return apply(table, rules, PriorReleases.NONE);
    }

    /** As {@link #apply(CountTable, SuppressionRules)}, and every cell an earlier release withheld. */
    static SuppressionPattern apply(CountTable table, SuppressionRules rules, PriorReleases prior) {
        SuppressionReason[] reasons = new SuppressionReason[table.cellCount()];
        for (int i = 0; i < reasons.length; i++) {
            long n = table.count(i);
            if (n > 0 && n < rules.k()) {
                reasons[i] = SuppressionReason.SMALL_COUNT;
            }
        }
        for (int d = 0; d < table.dimensionCount(); d++) {
            if (table.dimensions().get(d).sensitive()) {
                groupDisclosure(table, d, rules, reasons);
            }
        }
        for (TableCell cell : prior.withheld()) {
            int i = table.index(cell);
            if (reasons[i] == null) {
                reasons[i] = SuppressionReason.PRIOR_RELEASE;
            }
        }
        return new SuppressionPattern(table, reasons);
    }

    private static void groupDisclosure(CountTable table, int d, SuppressionRules rules, SuppressionReason[] reasons) {
        Dimension sensitive = table.dimensions().get(d);
        int stride = table.stride(d);
        int block = stride * sensitive.size();
        for (int p = 0; p < sensitive.size(); p++) {
            List<Integer> kids = sensitive.children(p);
            if (kids.isEmpty()) {
                continue;
            }
            for (int hi = p * stride; hi < table.cellCount(); hi += block) {
                for (int line = hi; line < hi + stride; line++) {
                    long total = table.count(line);
                    if (total == 0) {
                        continue;
                    }
                    int dominant = -1;
                    long max = -1;
                    for (int kid : kids) {
                        int cell = line + (kid - p) * stride;
                        if (table.count(cell) > max) {
                            max = table.count(cell);
                            dominant = cell;
                        }
                    }
                    if (max >= rules.groupDisclosureShare() * total && reasons[dominant] == null) {
                        reasons[dominant] = SuppressionReason.GROUP_DISCLOSURE;
                    }
                }
            }
        }
    }
}
