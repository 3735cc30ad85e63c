package org.safereg.privacy.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The building blocks of moves: for one node of one dimension, the additive vectors through it. A move of a
 * table is a change that keeps every additivity equation; a tensor product of one additive vector per
 * dimension is one, so adding a multiple of it to a table changes no published margin provided it only
 * touches withheld cells. The vectors offered here are signed paths of the dimension's tree through the
 * anchor node {@code x} (each with +1 at {@code x}):
 * <ul>
 *   <li><b>swap</b>: {@code +1} on the path from a leaf below {@code x} up to an ancestor-or-self {@code q},
 *       {@code -1} on the path from a sibling {@code r} of {@code q} down to a leaf below it (with {@code q = x}
 *       a leaf, this is the plain exchange of two sibling categories);
 *   <li><b>climb</b>: {@code +1} on the path from a leaf below {@code x} up to the root.
 * </ul>
 * Every such vector is additive: each inner node on a path has exactly one child on the same path with the
 * same sign, and the two paths of a swap meet under the common parent with opposite signs.
 *
 * <p>Descents below an inner node are limited to the {@value #MAX_DESCENTS} leaves with the largest marginal
 * counts and a node offers at most {@value #MAX_FACTORS} vectors, nearest swaps first, which keeps deep and
 * wide hierarchies bounded. The options are the same for the suppression and for the audit's own search,
 * but not always symmetric (a move found through one corner may lie beyond the limits seen from another),
 * which is why the suppression hands its {@link Witness}es to the audit. Thread-safe (options are computed on
 * first use and shared); one instance serves one table.
 */
final class Moves {
    /** Most leaves tried below an inner node (the anchor or a swap partner), by decreasing marginal count. */
    static final int MAX_DESCENTS = 16;
    /** Most vectors offered through one node, nearest swaps first (binds only in wide, deep hierarchies). */
    static final int MAX_FACTORS = 8192;

    /** The other nodes of one additive vector (the anchor excluded) and their signs. */
    record Factor(int[] nodes, int[] signs) {}

    private final CountTable table;
    private final List<ConcurrentHashMap<Integer, Factor[]>> cache = new ArrayList<>();
    private final List<long[]> marginals = new ArrayList<>();

    Moves(CountTable table) {
        this.table = table;
        for (int d = 0; d < table.dimensionCount(); d++) {
            cache.add(new ConcurrentHashMap<>());
            Dimension dimension = table.dimensions().get(d);
            long[] m = new long[dimension.size()];
            for (int node = 0; node < m.length; node++) {
                m[node] = table.count(node * table.stride(d));
            }
            marginals.add(m);
        }
    }

    CountTable table() {
        return table;
    }

    /** Every additive vector through {@code node} of dimension {@code d} offered to the search. */
    Factor[] through(int d, int node) {
        return cache.get(d).computeIfAbsent(node, x -> build(d, x));
    }

    private Factor[] build(int d, int x) {
        Dimension dim = table.dimensions().get(d);
        List<Factor> out = new ArrayList<>();
        for (int[] down : descents(d, x)) {
            List<Integer> up = new ArrayList<>();
            for (int q = x; q >= 0; q = dim.parent(q)) {
                if (q != x) {
                    up.add(q);
                }
                int parent = dim.parent(q);
                if (parent < 0) {
                    out.add(factor(down, up, null));
                    break;
                }
                for (int r : dim.children(parent)) {
                    if (r == q) {
                        continue;
                    }
                    for (int[] partner : descents(d, r)) {
                        int[] minus = new int[partner.length + 1];
                        minus[0] = r;
                        System.arraycopy(partner, 0, minus, 1, partner.length);
                        out.add(factor(down, up, minus));
                    }
                }
            }
        }
        // nearest first: fewest nodes, then as generated (swaps under the closest common parent first)
        out.sort(Comparator.comparingInt(f -> f.nodes().length));
        return out.subList(0, Math.min(MAX_FACTORS, out.size())).toArray(Factor[]::new);
    }

    private static Factor factor(int[] down, List<Integer> up, int[] minus) {
        int size = down.length + up.size() + (minus == null ? 0 : minus.length);
        int[] nodes = new int[size];
        int[] signs = new int[size];
        int i = 0;
        for (int n : down) {
            nodes[i] = n;
            signs[i++] = 1;
        }
        for (int n : up) {
            nodes[i] = n;
            signs[i++] = 1;
        }
        if (minus != null) {
            for (int n : minus) {
                nodes[i] = n;
                signs[i++] = -1;
            }
        }
        return new Factor(nodes, signs);
    }

    /** Paths from {@code x} (excluded) down to a leaf, at most {@value #MAX_DESCENTS}, largest leaves first. */
    private List<int[]> descents(int d, int x) {
        Dimension dim = table.dimensions().get(d);
        if (dim.isLeaf(x)) {
            return List.of(new int[0]);
        }
        List<Integer> leaves = new ArrayList<>();
        collectLeaves(dim, x, leaves);
        long[] m = marginals.get(d);
        leaves.sort(Comparator.comparingLong((Integer leaf) -> -m[leaf]).thenComparingInt(leaf -> leaf));
        List<int[]> out = new ArrayList<>();
        for (int leaf : leaves.subList(0, Math.min(MAX_DESCENTS, leaves.size()))) {
            int depth = dim.depth(leaf) - dim.depth(x);
            int[] path = new int[depth];
            for (int n = leaf, i = depth - 1; i >= 0; n = dim.parent(n), i--) {
                path[i] = n;
            }
            out.add(path);
        }
        return out;
    }

    private static void collectLeaves(Dimension dim, int node, List<Integer> out) {
        if (dim.isLeaf(node)) {
            out.add(node);
            return;
        }
        for (int child : dim.children(node)) {
            collectLeaves(dim, child, out);
        }
    }
}
