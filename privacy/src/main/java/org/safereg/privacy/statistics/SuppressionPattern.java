package org.safereg.privacy.statistics;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A count table together with the cells withheld from its release and why. Produced by
 * {@link TableProtector}; checked by {@link SuppressionAudit}. A pattern says nothing about whether it
 * protects anything: only a {@link ProtectedTable} (a pattern that passed its audit) may be released.
 *
 * <p>Immutable and thread-safe; lookups are O(dimensions), {@link #suppressedCells()} is O(cells).
 */
public final class SuppressionPattern {
    private final CountTable table;
    private final SuppressionReason[] reasons;

    SuppressionPattern(CountTable table, SuppressionReason[] reasons) {
        this.table = table;
        this.reasons = reasons.clone();
    }

    /**
     * A pattern withholding exactly these cells, for auditing a pattern made elsewhere (for example by hand
     * or by another tool) with {@link SuppressionAudit}.
     */
    public static SuppressionPattern of(CountTable table, Map<TableCell, SuppressionReason> withheld) {
        SuppressionReason[] reasons = new SuppressionReason[table.cellCount()];
        withheld.forEach((cell, reason) -> reasons[table.index(cell)] = Objects.requireNonNull(reason));
        return new SuppressionPattern(table, reasons);
    }

    public CountTable table() {
        return table;
    }

    /** Why this cell is withheld, or empty if it is published. */
    public Optional<SuppressionReason> reason(TableCell cell) {
        return Optional.ofNullable(reasons[table.index(cell)]);
    }

    public boolean isSuppressed(TableCell cell) {
        return reasons[table.index(cell)] != null;
    }

    /** Every withheld cell with its reason, in canonical cell order. */
    public Map<TableCell, SuppressionReason> suppressedCells() {
        Map<TableCell, SuppressionReason> out = new LinkedHashMap<>();
        for (int i = 0; i < reasons.length; i++) {
            if (reasons[i] != null) {
                out.put(table.cell(i), reasons[i]);
            }
        }
        return out;
    }

    /** How many cells are withheld for each reason, every reason present (for the release manifest). */
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

    boolean withheld(int cell) {
        return reasons[cell] != null;
    }

    /** A copy of the reasons array, for the next pipeline stage to extend. */
    SuppressionReason[] reasons() {
        return reasons.clone();
    }

    @Override
    public String toString() {
        return "SuppressionPattern" + countsByReason() + " of " + reasons.length + " cells"
                + (Arrays.stream(reasons).allMatch(Objects::isNull) ? " (nothing withheld)" : "");
    }
}
