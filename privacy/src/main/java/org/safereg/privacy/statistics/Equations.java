package org.safereg.privacy.statistics;

/**
 * The additivity equations of a {@link CountTable}, in flat arrays: for every dimension, every inner node of
 * it and every combination of the other dimensions' nodes, {@code parent = sum of children}. Member 0 of an
 * equation is its parent cell. Also indexes, for every cell, the equations it appears in (at most two per
 * dimension: once as a child, once as a parent). Immutable after construction; O(dimensions &times; cells)
 * memory and time.
 */
final class Equations {
    private final int[] start;
    private final int[] members;
    private final int[] cellStart;
    private final int[] cellEquations;

    private Equations(int[] start, int[] members, int[] cellStart, int[] cellEquations) {
        this.start = start;
        this.members = members;
        this.cellStart = cellStart;
        this.cellEquations = cellEquations;
    }

    static Equations of(CountTable table) {
        int cells = table.cellCount();
        int n = table.dimensionCount();
        int equationCount = 0;
        long memberCount = 0;
        for (int d = 0; d < n; d++) {
            Dimension dimension = table.dimensions().get(d);
            int lines = cells / dimension.size();
            for (int p = 0; p < dimension.size(); p++) {
                if (!dimension.isLeaf(p)) {
                    equationCount += lines;
                    memberCount += (long) lines * (dimension.children(p).size() + 1);
                }
            }
        }
        int[] start = new int[equationCount + 1];
        int[] members = new int[Math.toIntExact(memberCount)];
        int[] perCell = new int[cells + 1];
        int e = 0;
        int m = 0;
        for (int d = 0; d < n; d++) {
            Dimension dimension = table.dimensions().get(d);
            int stride = table.stride(d);
            int block = stride * dimension.size();
            for (int p = 0; p < dimension.size(); p++) {
                if (dimension.isLeaf(p)) {
                    continue;
                }
                int[] kids = dimension.children(p).stream().mapToInt(Integer::intValue).toArray();
                for (int hi = p * stride; hi < cells; hi += block) {
                    for (int parent = hi; parent < hi + stride; parent++) {
                        start[e++] = m;
                        members[m++] = parent;
                        perCell[parent]++;
                        for (int kid : kids) {
                            int child = parent + (kid - p) * stride;
                            members[m++] = child;
                            perCell[child]++;
                        }
                    }
                }
            }
        }
        start[e] = m;
        int[] cellStart = new int[cells + 1];
        for (int c = 0; c < cells; c++) {
            cellStart[c + 1] = cellStart[c] + perCell[c];
        }
        int[] fill = cellStart.clone();
        int[] cellEquations = new int[cellStart[cells]];
        for (int eq = 0; eq < equationCount; eq++) {
            for (int i = start[eq]; i < start[eq + 1]; i++) {
                cellEquations[fill[members[i]]++] = eq;
            }
        }
        return new Equations(start, members, cellStart, cellEquations);
    }

    int count() {
        return start.length - 1;
    }

    /** Number of cells in the equation (the parent and its children). */
    int size(int equation) {
        return start[equation + 1] - start[equation];
    }

    /** Member {@code i} of the equation: {@code 0} is the parent, the rest are its children. */
    int member(int equation, int i) {
        return members[start[equation] + i];
    }

    /** The coefficient of member {@code i} in {@code parent - sum(children) = 0}. */
    static int sign(int i) {
        return i == 0 ? 1 : -1;
    }

    /** Number of equations the cell appears in. */
    int degree(int cell) {
        return cellStart[cell + 1] - cellStart[cell];
    }

    /** The {@code i}-th equation the cell appears in. */
    int equationOf(int cell, int i) {
        return cellEquations[cellStart[cell] + i];
    }
}
