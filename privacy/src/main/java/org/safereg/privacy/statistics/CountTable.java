package org.safereg.privacy.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * A two-way count table (rows &times; columns) with every margin and hierarchy level published: the caller
 * supplies the leaf counts, the table derives every subtotal (admin1 over admin2, row totals, column totals,
 * grand total), so the published table is additive by construction.
 *
 * <p>Cells are addressed by node pairs; {@link #cell(int, int)} numbers them {@code row * columns + column}.
 * Immutable and thread-safe. Building costs O(rows &times; columns); lookups are O(1).
 */
public final class CountTable {
    private final Dimension rows;
    private final Dimension columns;
    private final long[] counts;

    private CountTable(Dimension rows, Dimension columns, long[] counts) {
        this.rows = rows;
        this.columns = columns;
        this.counts = counts;
    }

    /** Starts a table over these dimensions; unset leaf cells count zero. */
    public static Builder builder(Dimension rows, Dimension columns) {
        return new Builder(rows, columns);
    }

    public Dimension rows() {
        return rows;
    }

    public Dimension columns() {
        return columns;
    }

    /** Number of cells including every margin. */
    public int cellCount() {
        return counts.length;
    }

    /** The published count of a cell (leaf or margin) addressed by codes. */
    public long count(String rowCode, String columnCode) {
        return counts[cell(rows.node(rowCode), columns.node(columnCode))];
    }

    long count(int cell) {
        return counts[cell];
    }

    int cell(int row, int column) {
        return row * columns.size() + column;
    }

    int cell(TableCell cell) {
        return cell(rows.node(cell.row()), columns.node(cell.column()));
    }

    int rowOf(int cell) {
        return cell / columns.size();
    }

    int columnOf(int cell) {
        return cell % columns.size();
    }

    /** The cell at these codes, as a value type. */
    TableCell tableCell(int cell) {
        return new TableCell(rows.code(rowOf(cell)), columns.code(columnOf(cell)));
    }

    /**
     * Every additivity equation the published table satisfies: element 0 of each array is the parent cell,
     * the rest are its children along one dimension. O(cells) equations.
     */
    List<int[]> equations() {
        List<int[]> eqs = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (rows.isLeaf(r)) {
                continue;
            }
            List<Integer> kids = rows.children(r);
            for (int c = 0; c < columns.size(); c++) {
                int[] eq = new int[kids.size() + 1];
                eq[0] = cell(r, c);
                for (int i = 0; i < kids.size(); i++) {
                    eq[i + 1] = cell(kids.get(i), c);
                }
                eqs.add(eq);
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            if (columns.isLeaf(c)) {
                continue;
            }
            List<Integer> kids = columns.children(c);
            for (int r = 0; r < rows.size(); r++) {
                int[] eq = new int[kids.size() + 1];
                eq[0] = cell(r, c);
                for (int i = 0; i < kids.size(); i++) {
                    eq[i + 1] = cell(r, kids.get(i));
                }
                eqs.add(eq);
            }
        }
        return eqs;
    }

    /** Collects leaf counts; not thread-safe. */
    public static final class Builder {
        private final Dimension rows;
        private final Dimension columns;
        private final long[] counts;

        private Builder(Dimension rows, Dimension columns) {
            this.rows = rows;
            this.columns = columns;
            this.counts = new long[rows.size() * columns.size()];
        }

        /** Sets a leaf cell's count (both codes must be leaves: margins are derived). */
        public Builder set(String rowCode, String columnCode, long count) {
            int r = rows.node(rowCode);
            int c = columns.node(columnCode);
            if (!rows.isLeaf(r) || !columns.isLeaf(c)) {
                throw new IllegalArgumentException("only leaf cells are set; margins are derived");
            }
            if (count < 0) {
                throw new IllegalArgumentException("counts are non-negative");
            }
            counts[r * columns.size() + c] = count;
            return this;
        }

        /** Adds one to a leaf cell (convenient when tallying records). */
        public Builder increment(String rowCode, String columnCode) {
            int cell = rows.node(rowCode) * columns.size() + columns.node(columnCode);
            return set(rowCode, columnCode, counts[cell] + 1);
        }

        /** Derives every margin and returns the table. */
        public CountTable build() {
            long[] all = counts.clone();
            int nc = columns.size();
            for (int r = 0; r < rows.size(); r++) {
                if (!rows.isLeaf(r)) {
                    continue;
                }
                for (int c = nc - 1; c > 0; c--) {
                    all[r * nc + columns.parent(c)] += all[r * nc + c];
                }
            }
            for (int r = rows.size() - 1; r > 0; r--) {
                int p = rows.parent(r);
                for (int c = 0; c < nc; c++) {
                    all[p * nc + c] += all[r * nc + c];
                }
            }
            return new CountTable(rows, columns, all);
        }
    }
}
