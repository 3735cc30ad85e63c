package org.safereg.privacy.statistics.extract;

import java.util.List;
import org.safereg.privacy.statistics.Dimension;

/**
 * Generalisation tables of the quasi-identifiers, and the encoding of a combination of published values
 * (one hierarchy node per quasi-identifier, {@link #SUPPRESSED} for a missing value) as one {@code long}
 * (mixed radix, digit {@code node + 1}). Immutable and thread-safe.
 */
final class KeySpace {
    static final int SUPPRESSED = -1;

    private final List<QuasiIdentifier> quasiIdentifiers;
    /** {@code ancestor[qi][level][node]}: the published node. */
    private final int[][][] ancestor;
    /** {@code loss[qi][level][node]}: weight times the share of the path to the root climbed. */
    private final double[][][] loss;
    private final long[] place;

    KeySpace(List<QuasiIdentifier> quasiIdentifiers) {
        this.quasiIdentifiers = List.copyOf(quasiIdentifiers);
        int q = quasiIdentifiers.size();
        ancestor = new int[q][][];
        loss = new double[q][][];
        place = new long[q];
        long radix = 1;
        for (int i = 0; i < q; i++) {
            QuasiIdentifier qi = quasiIdentifiers.get(i);
            Dimension tree = qi.hierarchy();
            int height = qi.height();
            ancestor[i] = new int[height + 1][tree.size()];
            loss[i] = new double[height + 1][tree.size()];
            for (int level = 0; level <= height; level++) {
                for (int node = 0; node < tree.size(); node++) {
                    int depth = tree.depth(node);
                    int target = Math.min(depth, height - level);
                    int up = node;
                    while (tree.depth(up) > target) {
                        up = tree.parent(up);
                    }
                    ancestor[i][level][node] = up;
                    loss[i][level][node] = depth == 0 ? 0 : qi.weight() * (depth - target) / depth;
                }
            }
            place[i] = radix;
            try {
                radix = Math.multiplyExact(radix, tree.size() + 1L);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("too many quasi-identifier combinations to encode");
            }
        }
    }

    int size() {
        return quasiIdentifiers.size();
    }

    QuasiIdentifier quasiIdentifier(int qi) {
        return quasiIdentifiers.get(qi);
    }

    int generalise(int qi, int level, int node) {
        return ancestor[qi][level][node];
    }

    double generalisationLoss(int qi, int level, int node) {
        return loss[qi][level][node];
    }

    /** The key of these published nodes with the quasi-identifiers in {@code suppressed} (a bit set) missing. */
    long encode(int[] nodes, int suppressed) {
        long key = 0;
        for (int i = 0; i < nodes.length; i++) {
            if ((suppressed & (1 << i)) == 0 && nodes[i] != SUPPRESSED) {
                key += place[i] * (nodes[i] + 1L);
            }
        }
        return key;
    }
}
