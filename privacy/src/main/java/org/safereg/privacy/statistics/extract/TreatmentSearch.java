package org.safereg.privacy.statistics.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search for the least lossy k-anonymous treatment (see {@link MicrodataAnonymiser} for the method).
 * Works on the distinct input combinations ({@code M} of them) rather than on records. One use; not
 * thread-safe.
 */
final class TreatmentSearch {
    private final KeySpace keys;
    private final int k;
    private final double maxShare;
    private final long records;
    private final int[][] groupNodes;
    private final long[] groupCount;
    private final int[] masks;
    private final double[] weights;
    private final double epsilon;
    private int evaluated;

    TreatmentSearch(Microdata data, KeySpace keys, int k, double maxShare) {
        this.keys = keys;
        this.k = k;
        this.maxShare = maxShare;
        this.records = data.size();
        int q = keys.size();
        Map<Long, Integer> index = new LinkedHashMap<>();
        List<int[]> nodes = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        int[] row = new int[q];
        for (int r = 0; r < data.size(); r++) {
            for (int i = 0; i < q; i++) {
                row[i] = data.node(r, i);
            }
            Integer g = index.putIfAbsent(keys.encode(row, 0), nodes.size());
            if (g == null) {
                nodes.add(row.clone());
                counts.add(1L);
            } else {
                counts.set(g, counts.get(g) + 1);
            }
        }
        this.groupNodes = nodes.toArray(new int[0][]);
        this.groupCount = counts.stream().mapToLong(Long::longValue).toArray();
        this.weights = new double[q];
        double total = 0;
        for (int i = 0; i < q; i++) {
            weights[i] = keys.quasiIdentifier(i).weight();
            total += weights[i];
        }
        this.epsilon = 1e-9 * Math.max(1, records * total);
        this.masks = suppressionOrder(weights);
    }

    /** Class sizes of the input as given. */
    List<Long> inputClassSizes() {
        List<Long> sizes = new ArrayList<>(groupCount.length);
        for (long c : groupCount) {
            sizes.add(c);
        }
        return sizes;
    }

    int evaluated() {
        return evaluated;
    }

    /**
     * Evaluates the lattice in increasing order of its generalisation loss (a lower bound of the total loss),
     * stopping once that bound reaches the best plan's loss. Returns the least lossy plan meeting the share
     * limit or, when none does, the plan with the fewest classes (the least risky).
     */
    Result search(List<int[]> lattice) {
        double[][] bound = generalisationLossTable();
        List<int[]> ordered = new ArrayList<>(lattice);
        Comparator<int[]> byBound = Comparator.comparingDouble(levels -> lowerBound(bound, levels));
        ordered.sort(byBound.thenComparingInt(levels -> Arrays.stream(levels).sum()).thenComparing(Arrays::compare));
        TreatmentPlan best = null;
        TreatmentPlan leastRisky = null;
        for (int[] levels : ordered) {
            if (best != null && lowerBound(bound, levels) >= best.loss() - epsilon) {
                break;
            }
            TreatmentPlan plan = evaluate(levels);
            evaluated++;
            if (plan.classes() <= maxShare * records + 1e-9) {
                if (best == null || plan.loss() < best.loss() - epsilon) {
                    best = plan;
                }
            } else if (leastRisky == null || plan.classes() < leastRisky.classes()
                    || (plan.classes() == leastRisky.classes() && plan.loss() < leastRisky.loss() - epsilon)) {
                leastRisky = plan;
            }
        }
        return best != null ? new Result(best, true) : new Result(leastRisky, false);
    }

    record Result(TreatmentPlan plan, boolean withinLimits) {
    }

    /** {@code [qi][level]}: generalisation loss of the whole input at that level. */
    private double[][] generalisationLossTable() {
        double[][] table = new double[keys.size()][];
        for (int i = 0; i < keys.size(); i++) {
            table[i] = new double[keys.quasiIdentifier(i).height() + 1];
            for (int level = 0; level < table[i].length; level++) {
                for (int g = 0; g < groupNodes.length; g++) {
                    table[i][level] += groupCount[g] * keys.generalisationLoss(i, level, groupNodes[g][i]);
                }
            }
        }
        return table;
    }

    private static double lowerBound(double[][] table, int[] levels) {
        double sum = 0;
        for (int i = 0; i < levels.length; i++) {
            sum += table[i][levels[i]];
        }
        return sum;
    }

    /** A generalised class (or, once published, a published class). */
    private static final class Cls {
        final long key;
        final int[] nodes;
        final double[] loss;
        long size;
        int mask;

        Cls(long key, int[] nodes, int q) {
            this.key = key;
            this.nodes = nodes;
            this.loss = new double[q];
        }
    }

    TreatmentPlan evaluate(int[] levels) {
        int q = keys.size();
        Map<Long, Cls> classes = new HashMap<>();
        double loss = 0;
        for (int g = 0; g < groupNodes.length; g++) {
            int[] y = new int[q];
            for (int i = 0; i < q; i++) {
                y[i] = keys.generalise(i, levels[i], groupNodes[g][i]);
            }
            long key = keys.encode(y, 0);
            Cls c = classes.get(key);
            if (c == null) {
                c = new Cls(key, y, q);
                classes.put(key, c);
            }
            c.size += groupCount[g];
            for (int i = 0; i < q; i++) {
                double l = groupCount[g] * keys.generalisationLoss(i, levels[i], groupNodes[g][i]);
                c.loss[i] += l;
                loss += l;
            }
        }
        Map<Long, Cls> published = new HashMap<>();
        List<Cls> remaining = new ArrayList<>();
        for (Cls c : classes.values()) {
            if (c.size >= k) {
                published.put(c.key, c);
            } else {
                remaining.add(c);
            }
        }
        remaining.sort(Comparator.comparingLong(c -> c.key));
        Map<Long, Integer> suppression = new HashMap<>();
        for (int mask : masks) {
            if (remaining.isEmpty()) {
                break;
            }
            Map<Long, List<Cls>> buckets = new LinkedHashMap<>();
            for (Cls c : remaining) {
                buckets.computeIfAbsent(keys.encode(c.nodes, mask), x -> new ArrayList<>()).add(c);
            }
            List<Cls> next = new ArrayList<>();
            for (Map.Entry<Long, List<Cls>> bucket : buckets.entrySet()) {
                long total = bucket.getValue().stream().mapToLong(c -> c.size).sum();
                if (total < k) {
                    next.addAll(bucket.getValue());
                    continue;
                }
                Cls merged = new Cls(bucket.getKey(), null, q);
                merged.mask = mask;
                for (Cls c : bucket.getValue()) {
                    suppression.put(c.key, mask);
                    merged.size += c.size;
                    for (int i = 0; i < q; i++) {
                        merged.loss[i] += c.loss[i];
                        if ((mask & (1 << i)) != 0) {
                            loss += weights[i] * c.size - c.loss[i];
                        }
                    }
                }
                published.put(merged.key, merged);
            }
            remaining = next;
        }
        Map<Long, Long> moved = new HashMap<>();
        if (!remaining.isEmpty()) {
            loss += padAllSuppressed(remaining, published, suppression, moved);
        }
        return new TreatmentPlan(levels.clone(), suppression, moved, loss, published.size());
    }

    /**
     * The records left after the last (all-suppressed) pattern number fewer than {@code k}: suppresses them
     * entirely and completes their class with surplus records of the largest published classes, or, when the
     * surplus is too small, with the whole smallest class. Returns the loss added.
     */
    private double padAllSuppressed(List<Cls> remaining, Map<Long, Cls> published, Map<Long, Integer> suppression,
                                    Map<Long, Long> moved) {
        int q = keys.size();
        int full = (1 << q) - 1;
        Cls all = new Cls(keys.encode(new int[q], full), null, q);
        all.mask = full;
        double loss = 0;
        for (Cls c : remaining) {
            suppression.put(c.key, full);
            all.size += c.size;
            loss += movingLoss(c, c.size);
        }
        long need = k - all.size;
        List<Cls> donors = new ArrayList<>(published.values());
        long surplus = donors.stream().mapToLong(c -> c.size - k).sum();
        if (surplus >= need) {
            donors.sort(Comparator.comparingLong((Cls c) -> c.size).reversed().thenComparingLong(c -> c.key));
            for (Cls d : donors) {
                long take = Math.min(need, d.size - k);
                if (take <= 0) {
                    break;
                }
                moved.put(d.key, take);
                loss += movingLoss(d, take);
                d.size -= take;
                all.size += take;
                need -= take;
            }
        } else {
            Cls smallest = donors.stream()
                    .min(Comparator.comparingLong((Cls c) -> c.size).thenComparingLong(c -> c.key))
                    .orElseThrow();
            moved.put(smallest.key, smallest.size);
            loss += movingLoss(smallest, smallest.size);
            all.size += smallest.size;
            published.remove(smallest.key);
        }
        published.put(all.key, all);
        return loss;
    }

    /** Loss added by suppressing entirely {@code n} records of class {@code c} (its average record). */
    private double movingLoss(Cls c, long n) {
        double loss = 0;
        for (int i = 0; i < keys.size(); i++) {
            if ((c.mask & (1 << i)) == 0) {
                loss += (weights[i] * c.size - c.loss[i]) * n / c.size;
            }
        }
        return loss;
    }

    /** Every non-empty suppression pattern, cheapest first (sum of weights, then fewer fields); all last. */
    private static int[] suppressionOrder(double[] weights) {
        int q = weights.length;
        List<Integer> masks = new ArrayList<>();
        for (int m = 1; m < (1 << q); m++) {
            masks.add(m);
        }
        Comparator<Integer> byWeight = Comparator.comparingDouble(m -> {
            double w = 0;
            for (int i = 0; i < q; i++) {
                if ((m & (1 << i)) != 0) {
                    w += weights[i];
                }
            }
            return w;
        });
        masks.sort(byWeight.thenComparingInt(Integer::bitCount).thenComparingInt(m -> m));
        return masks.stream().mapToInt(Integer::intValue).toArray();
    }
}
