package org.safereg.privacy.statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An n-way count table (1 to {@value #MAX_DIMENSIONS} dimensions) with every margin and hierarchy level
 * published: the caller supplies leaf counts, the table derives every subtotal (admin1 over admin2, totals
 * over each dimension and every combination of them), so the published table is additive by construction.
 *
 * <p>A cell has one node per dimension; its index is mixed-radix with dimension 0 slowest, which is also the
 * canonical order of {@link #cells()}. Immutable and thread-safe. Building costs O(dimensions &times; cells);
 * lookups are O(dimensions). The additivity equations are derived on first use (O(dimensions &times; cells)).
 */
public final class CountTable {
    /** The most dimensions a table may have. */
    public static final int MAX_DIMENSIONS = 6;
    /** The most cells (margins included) a table may have. */
    public static final int MAX_CELLS = 20_000_000;

    private final List<Dimension> dimensions;
    private final int[] sizes;
    private final int[] strides;
    private final long[] counts;
    private volatile Equations equations;

    private CountTable(List<Dimension> dimensions, int[] sizes, int[] strides, long[] counts) {
        this.dimensions = dimensions;
        this.sizes = sizes;
        this.strides = strides;
        this.counts = counts;
    }

    /**
     * Starts a table over these dimensions (1 to {@value #MAX_DIMENSIONS}, distinct names); unset leaf cells
     * count zero.
     */
    public static Builder builder(List<Dimension> dimensions) {
        return new Builder(dimensions);
    }

    /** The dimensions, in cell-code order. */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    /** Number of cells including every margin. */
    public int cellCount() {
        return counts.length;
    }

    /** The published count of a cell (leaf or margin). */
    public long count(TableCell cell) {
        return counts[index(cell)];
    }

    /** Every cell, margins included, in canonical order (dimension 0 slowest, each dimension in node order). */
    public List<TableCell> cells() {
        List<TableCell> out = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            out.add(cell(i));
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether every code of the cell is a leaf of its dimension (a cell the caller counts, not a margin). */
    public boolean isLeaf(TableCell cell) {
        return isLeaf(index(cell));
    }

    int dimensionCount() {
        return sizes.length;
    }

    long count(int cell) {
        return counts[cell];
    }

    /** The node of {@code cell} in dimension {@code d}. */
    int node(int cell, int d) {
        return (cell / strides[d]) % sizes[d];
    }

    /** The cell equal to {@code cell} except that dimension {@code d} is at {@code node}. */
    int withNode(int cell, int d, int node) {
        return cell + (node - node(cell, d)) * strides[d];
    }

    int stride(int d) {
        return strides[d];
    }

    /** Sum of the cell's depths over its dimensions: 0 for the grand total. */
    int depth(int cell) {
        int depth = 0;
        for (int d = 0; d < sizes.length; d++) {
            depth += dimensions.get(d).depth(node(cell, d));
        }
        return depth;
    }

    int index(TableCell cell) {
        if (cell.codes().size() != sizes.length) {
            throw new IllegalArgumentException("a cell of this table has " + sizes.length + " codes");
        }
        int index = 0;
        for (int d = 0; d < sizes.length; d++) {
            index += dimensions.get(d).node(cell.code(d)) * strides[d];
        }
        return index;
    }

    TableCell cell(int index) {
        String[] codes = new String[sizes.length];
        for (int d = 0; d < sizes.length; d++) {
            codes[d] = dimensions.get(d).code(node(index, d));
        }
        return TableCell.of(codes);
    }

    /**
     * A table of the same shape with these leaf values (indexed like this table's cells; values at margins are
     * ignored) and every margin derived from them. Values may be negative (intermediate results of noise).
     */
    long[] addUp(long[] leafValues) {
        long[] leaves = new long[counts.length];
        for (int i = 0; i < leaves.length; i++) {
            if (isLeaf(i)) {
                leaves[i] = leafValues[i];
            }
        }
        return addUp(leaves, dimensions, sizes, strides);
    }

    /** The table of the same shape with these non-negative leaf counts (see {@link #addUp(long[])}). */
    CountTable withLeafCounts(long[] leafCounts) {
        long[] all = addUp(leafCounts);
        for (long n : all) {
            if (n < 0) {
                throw new IllegalArgumentException("counts are non-negative");
            }
        }
        return new CountTable(dimensions, sizes, strides, all);
    }

    boolean isLeaf(int cell) {
        for (int d = 0; d < sizes.length; d++) {
            if (!dimensions.get(d).isLeaf(node(cell, d))) {
                return false;
            }
        }
        return true;
    }

    /** Copies leaf values and adds every margin up, dimension by dimension. */
    private static long[] addUp(long[] leaves, List<Dimension> dimensions, int[] sizes, int[] strides) {
        long[] all = leaves.clone();
        for (int d = 0; d < sizes.length; d++) {
            Dimension dimension = dimensions.get(d);
            int stride = strides[d];
            int block = stride * sizes[d];
            // children have higher node numbers than their parents: a node is complete before it is added up
            for (int node = sizes[d] - 1; node > 0; node--) {
                int shift = (dimension.parent(node) - node) * stride;
                for (int hi = node * stride; hi < all.length; hi += block) {
                    for (int cell = hi; cell < hi + stride; cell++) {
                        all[cell + shift] = Math.addExact(all[cell + shift], all[cell]);
                    }
                }
            }
        }
        return all;
    }

    /** Every additivity equation the published table satisfies, derived once. */
    Equations equations() {
        Equations e = equations;
        if (e == null) {
            e = Equations.of(this);
            equations = e;
        }
        return e;
    }

    /** Collects leaf counts; not thread-safe. */
    public static final class Builder {
        private final List<Dimension> dimensions;
        private final int[] sizes;
        private final int[] strides;
        private final long[] counts;

        private Builder(List<Dimension> dimensions) {
            this.dimensions = List.copyOf(dimensions);
            int n = this.dimensions.size();
            if (n < 1 || n > MAX_DIMENSIONS) {
                throw new IllegalArgumentException("a table has 1 to " + MAX_DIMENSIONS + " dimensions");
            }
            Set<String> names = new HashSet<>();
            for (Dimension d : this.dimensions) {
                if (!names.add(d.name())) {
                    throw new IllegalArgumentException("dimension names must be distinct: " + d.name());
                }
            }
            sizes = new int[n];
            strides = new int[n];
            long cells = 1;
            for (int d = n - 1; d >= 0; d--) {
                sizes[d] = this.dimensions.get(d).size();
                strides[d] = (int) Math.min(cells, Integer.MAX_VALUE);
                cells *= sizes[d];
                if (cells > MAX_CELLS) {
                    throw new IllegalArgumentException("a table has at most " + MAX_CELLS + " cells");
                }
            }
            counts = new long[(int) cells];
        }

        /** Adds to a leaf cell (every code must be a leaf: margins are derived); {@code count >= 0}. */
        public Builder add(long count, String... leafCodes) {
            if (count < 0) {
                throw new IllegalArgumentException("counts are non-negative");
            }
            int cell = leaf(leafCodes);
            counts[cell] = Math.addExact(counts[cell], count);
            return this;
        }

        /** Adds one to a leaf cell (convenient when tallying records). */
        public Builder increment(String... leafCodes) {
            return add(1, leafCodes);
        }

        private int leaf(String[] codes) {
            Objects.requireNonNull(codes);
            if (codes.length != sizes.length) {
                throw new IllegalArgumentException("a cell of this table has " + sizes.length + " codes");
            }
            int cell = 0;
            for (int d = 0; d < sizes.length; d++) {
                Dimension dimension = dimensions.get(d);
                int node = dimension.node(codes[d]);
                if (!dimension.isLeaf(node)) {
                    throw new IllegalArgumentException("only leaf cells are counted; margins are derived");
                }
                cell += node * strides[d];
            }
            return cell;
        }

        /** Derives every margin and returns the table; the builder may go on counting for another table. */
        public CountTable build() {
            return new CountTable(dimensions, sizes.clone(), strides.clone(), addUp(counts, dimensions, sizes, strides));
        }
    }
}
