package org.safereg.privacy.statistics;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A count table together with the cells withheld from its release and why. Produced by
 * {@link TableProtector}; checked by {@link SuppressionAudit}.
 *
 * <p>Immutable and thread-safe; lookups are O(1), {@link #suppressedCells()} is O(cells).
 */
public final class SuppressionPattern {
    private final CountTable table;
    private final SuppressionReason[] reasons;

    SuppressionPattern(CountTable table, SuppressionReason[] reasons) {
        this.table = table;
        this.reasons = reasons.clone();
    }

    public CountTable table() {
        return table;
    }

    /** Why this cell is withheld, or empty if it is published. */
    public Optional<SuppressionReason> reason(String rowCode, String columnCode) {
        return Optional.ofNullable(reasons[cellOf(rowCode, columnCode)]);
    }

    public boolean isSuppressed(String rowCode, String columnCode) {
        return reasons[cellOf(rowCode, columnCode)] != null;
    }

    /** Every withheld cell with its reason, in cell order. */
    public Map<TableCell, SuppressionReason> suppressedCells() {
        Map<TableCell, SuppressionReason> out = new LinkedHashMap<>();
        for (int i = 0; i < reasons.length; i++) {
            if (reasons[i] != null) {
                out.put(table.tableCell(i), reasons[i]);
            }
        }
        return out;
    }

    /** How many cells are withheld for each reason (for the release manifest). */
    public Map<SuppressionReason, Integer> countsByReason() {
        Map<SuppressionReason, Integer> out = new EnumMap<>(SuppressionReason.class);
        for (SuppressionReason r : SuppressionReason.values()) {
            out.put(r, 0);
        }
        for (SuppressionReason r : reasons) {
            if (r != null) {
                out.merge(r, 1, Integer::sum);
            }
        }
        return out;
    }

    SuppressionReason reason(int cell) {
        return reasons[cell];
    }

    /** A copy of the reasons array, for the next pipeline stage to extend. */
    SuppressionReason[] reasons() {
        return reasons.clone();
    }

    private int cellOf(String rowCode, String columnCode) {
        return table.cell(table.rows().node(rowCode), table.columns().node(columnCode));
    }

    @Override
    public String toString() {
        return "SuppressionPattern" + countsByReason() + " of " + reasons.length + " cells"
                + (Arrays.stream(reasons).allMatch(r -> r == null) ? " (nothing withheld)" : "");
    }
}
