package org.safereg.privacy.statistics;

import java.util.List;

/**
 * Pipeline stage 1: marks the cells sensitive in themselves. Every cell, margins included, with
 * {@code 0 < n < k} ({@link SuppressionReason#SMALL_COUNT}); and, for each sensitive dimension, the dominant
 * child of every subtotal when it holds at least the configured share of that subtotal
 * ({@link SuppressionReason#GROUP_DISCLOSURE}). O(cells). Stateless.
 */
final class PrimarySuppression {
    private PrimarySuppression() {}

    static SuppressionPattern apply(CountTable table, SuppressionRules rules) {
        SuppressionReason[] reasons = new SuppressionReason[table.cellCount()];
        for (int i = 0; i < reasons.length; i++) {
            long n = table.count(i);
            if (n > 0 && n < rules.k()) {
                reasons[i] = SuppressionReason.SMALL_COUNT;
            }
        }
        if (table.columns().sensitive()) {
            groupDisclosure(table, rules, reasons, true);
        }
        if (table.rows().sensitive()) {
            groupDisclosure(table, rules, reasons, false);
        }
        return new SuppressionPattern(table, reasons);
    }

    /** Along the sensitive dimension, for every node of the other dimension. */
    private static void groupDisclosure(CountTable table, SuppressionRules rules, SuppressionReason[] reasons,
            boolean sensitiveColumns) {
        Dimension sensitive = sensitiveColumns ? table.columns() : table.rows();
        Dimension other = sensitiveColumns ? table.rows() : table.columns();
        for (int o = 0; o < other.size(); o++) {
            for (int p = 0; p < sensitive.size(); p++) {
                List<Integer> kids = sensitive.children(p);
                if (kids.isEmpty()) {
                    continue;
                }
                long total = table.count(at(table, sensitiveColumns, o, p));
                if (total == 0) {
                    continue;
                }
                int dominant = -1;
                long max = -1;
                for (int child : kids) {
                    long n = table.count(at(table, sensitiveColumns, o, child));
                    if (n > max) {
                        max = n;
                        dominant = child;
                    }
                }
                if (max >= rules.groupDisclosureShare() * total) {
                    int cell = at(table, sensitiveColumns, o, dominant);
                    if (reasons[cell] == null) {
                        reasons[cell] = SuppressionReason.GROUP_DISCLOSURE;
                    }
                }
            }
        }
    }

    private static int at(CountTable table, boolean sensitiveColumns, int other, int sensitive) {
        return sensitiveColumns ? table.cell(other, sensitive) : table.cell(sensitive, other);
    }
}
