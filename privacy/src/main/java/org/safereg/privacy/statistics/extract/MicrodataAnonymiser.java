package org.safereg.privacy.statistics.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes an extract k-anonymous on its quasi-identifiers with the least information loss it can find, and
 * reports the disclosure risk before and after.
 *
 * <p><b>Missing values.</b> A suppressed value is published as missing and counts as its own category: the
 * equivalence class of a record is the set of records with exactly the same published values, missing ones
 * included. This is stricter than sdcMicro's {@code localSuppression}, where a missing value matches any value:
 * there, a record {@code (A, missing)} next to four records {@code (A, y)} counts as a class of five, yet a
 * recipient who knows the person in it has {@code (A, x)} picks it out at once. Here every set of records
 * consistent with what a recipient knows is a union of whole classes, so it has at least {@code k} records.
 *
 * <p><b>Method.</b> A global generalisation level is chosen per quasi-identifier (within its allowed levels) by
 * a bounded search over all level combinations, cheapest generalisation first; for each combination the
 * records in classes smaller than {@code k} are suppressed locally: per suppression pattern (set of fields),
 * cheapest first, the remaining small classes that agree on the fields kept are published with those fields
 * missing when together they reach {@code k}; what is left after suppressing every field (fewer than
 * {@code k} records) is completed to {@code k} with surplus records of the largest classes, or with the whole
 * smallest class. Each combination's information loss (see {@link QuasiIdentifier}) is totalled and the
 * least lossy combination meeting {@link RiskLimits} wins; ties go to fewer generalisation steps. The search
 * stops early once a combination's generalisation loss alone reaches the best total found. The result is a
 * heuristic optimum over the lattice (local suppression is greedy), not a proven global one.
 *
 * <p><b>Risk.</b> Measured as in {@link RiskProfile}: individual risk {@code 1 / class size}, no sampling
 * weights (the extract is the population). After treatment no record exceeds {@code 1 / k}.
 *
 * <p><b>Cost.</b> With {@code N} records, {@code M} distinct input combinations, {@code q} quasi-identifiers
 * ({@value #MAX_QUASI_IDENTIFIERS} at most) and {@code L} level combinations: O(N q) to group the input, at
 * most {@code L} evaluations of O(M q + S 2^q) each ({@code S} classes smaller than {@code k}), usually far
 * fewer thanks to the bound, and O(N q) to publish. Memory O(N q + M q). Stateless and thread-safe.
 */
public final class MicrodataAnonymiser {
    /** The most quasi-identifiers an extract may have (the suppression patterns are all their subsets). */
    public static final int MAX_QUASI_IDENTIFIERS = 10;

    private final ExtractRules rules;

    public MicrodataAnonymiser(ExtractRules rules) {
        this.rules = rules;
    }

    public ExtractRules rules() {
        return rules;
    }

    /**
     * The k-anonymous extract. Throws {@link ExtractRefusedException} when the risk limits cannot be met, and
     * {@link IllegalArgumentException} when the data set has more than {@value #MAX_QUASI_IDENTIFIERS}
     * quasi-identifiers or more level combinations than {@link ExtractRules#maxLevelCombinations()}.
     */
    public AnonymisedMicrodata anonymise(Microdata data) {
        List<QuasiIdentifier> qis = data.quasiIdentifiers();
        if (qis.size() > MAX_QUASI_IDENTIFIERS) {
            throw new IllegalArgumentException("at most " + MAX_QUASI_IDENTIFIERS + " quasi-identifiers");
        }
        List<int[]> lattice = lattice(qis, rules.maxLevelCombinations());
        int k = rules.effectiveK();
        if (data.size() > 0 && data.size() < k) {
            throw new ExtractRefusedException(RefusalReason.TOO_FEW_RECORDS, null);
        }
        KeySpace keys = new KeySpace(qis);
        TreatmentSearch search = new TreatmentSearch(data, keys, k, rules.limits().maxExpectedReidentificationShare());
        TreatmentSearch.Result result = search.search(lattice);
        RiskProfile before = RiskProfile.of(k, search.inputClassSizes());
        AnonymisedMicrodata extract = publish(data, keys, k, result.plan(), before, search.evaluated());
        if (!result.withinLimits()) {
            throw new ExtractRefusedException(RefusalReason.EXPECTED_REIDENTIFICATIONS_ABOVE_LIMIT, extract.report());
        }
        return extract;
    }

    /**
     * The number of generalisation level combinations {@link #anonymise} searches for these quasi-identifiers (the
     * product of their allowed level ranges), saturating at {@link Long#MAX_VALUE}. Callers check it against
     * {@link ExtractRules#maxLevelCombinations()} before reading the data. Cost: O(q).
     */
    public static long levelCombinations(List<QuasiIdentifier> qis) {
        long size = 1;
        for (QuasiIdentifier qi : qis) {
            int levels = qi.maxLevel() - qi.minLevel() + 1;
            size = size > Long.MAX_VALUE / levels ? Long.MAX_VALUE : size * levels;
        }
        return size;
    }

    private static List<int[]> lattice(List<QuasiIdentifier> qis, int bound) {
        if (levelCombinations(qis) > bound) {
            throw new IllegalArgumentException("more than " + bound + " generalisation level combinations");
        }
        List<int[]> combinations = new ArrayList<>();
        int[] levels = new int[qis.size()];
        for (int i = 0; i < qis.size(); i++) {
            levels[i] = qis.get(i).minLevel();
        }
        while (true) {
            combinations.add(levels.clone());
            int i = 0;
            while (i < levels.length && levels[i] == qis.get(i).maxLevel()) {
                levels[i] = qis.get(i).minLevel();
                i++;
            }
            if (i == levels.length) {
                return combinations;
            }
            levels[i]++;
        }
    }

    /** Applies the plan record by record and measures the result exactly. */
    private AnonymisedMicrodata publish(Microdata data, KeySpace keys, int k, TreatmentPlan plan, RiskProfile before,
                                        int evaluated) {
        int q = keys.size();
        int full = (1 << q) - 1;
        int[] levels = plan.levels();
        int[] published = new int[data.size() * q];
        Map<Long, Long> toMove = new HashMap<>(plan.movedToAllSuppressed());
        Map<Long, Long> classSizes = new HashMap<>();
        long[] generalised = new long[q];
        long[] suppressed = new long[q];
        long recordsWithSuppression = 0;
        double loss = 0;
        double maxLoss = 0;
        int[] y = new int[q];
        for (int r = 0; r < data.size(); r++) {
            for (int i = 0; i < q; i++) {
                y[i] = keys.generalise(i, levels[i], data.node(r, i));
            }
            int mask = plan.suppressionByClass().getOrDefault(keys.encode(y, 0), 0);
            long key = keys.encode(y, mask);
            Long move = toMove.get(key);
            if (move != null && move > 0) {
                toMove.put(key, move - 1);
                mask = full;
                key = keys.encode(y, mask);
            }
            classSizes.merge(key, 1L, Long::sum);
            if (mask != 0) {
                recordsWithSuppression++;
            }
            for (int i = 0; i < q; i++) {
                double weight = keys.quasiIdentifier(i).weight();
                maxLoss += weight;
                if ((mask & (1 << i)) != 0) {
                    published[r * q + i] = KeySpace.SUPPRESSED;
                    suppressed[i]++;
                    loss += weight;
                } else {
                    published[r * q + i] = y[i];
                    if (y[i] != data.node(r, i)) {
                        generalised[i]++;
                    }
                    loss += keys.generalisationLoss(i, levels[i], data.node(r, i));
                }
            }
        }
        for (long size : classSizes.values()) {
            if (size < k) {
                throw new IllegalStateException("treatment left a class smaller than k");
            }
        }
        List<QuasiIdentifierTreatment> treatments = new ArrayList<>();
        for (int i = 0; i < q; i++) {
            QuasiIdentifier qi = keys.quasiIdentifier(i);
            treatments.add(new QuasiIdentifierTreatment(qi.name(), levels[i], qi.height(), generalised[i], suppressed[i]));
        }
        InformationLoss informationLoss =
                new InformationLoss(treatments, recordsWithSuppression, maxLoss == 0 ? 0 : loss / maxLoss);
        RiskProfile after = RiskProfile.of(k, classSizes.values());
        RiskReport report = new RiskReport(k, rules.limits(), before, after, informationLoss, evaluated);
        List<Integer> levelList = new ArrayList<>();
        for (int level : levels) {
            levelList.add(level);
        }
        return new AnonymisedMicrodata(data, published, levelList, report);
    }
}
