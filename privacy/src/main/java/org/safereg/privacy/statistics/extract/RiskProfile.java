package org.safereg.privacy.statistics.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Re-identification risk of a set of records, in the style of sdcMicro's {@code measure_risk} for a file with
 * no sampling weights: the extract is treated as the whole population of interest, so a record's
 * <em>individual risk</em> is {@code 1 / f} where {@code f} is the size of its equivalence class (the records
 * with the same published quasi-identifier values; a suppressed value is its own category, see
 * {@link MicrodataAnonymiser}). There is no estimate of population frequencies from sample frequencies: a
 * recipient who knows a person is in the extract faces exactly these odds.
 *
 * @param records records in the set
 * @param k the threshold the profile was measured against
 * @param recordsViolatingK records whose class has fewer than {@code k} records
 * @param uniqueRecords records alone in their class (risk 1)
 * @param equivalenceClasses distinct combinations of quasi-identifier values; equal to the expected number of
 *     re-identifications, the sum of the individual risks
 * @param quantiles individual-risk quantiles at 50, 75, 90, 95, 99 and 100 percent (empty without records)
 * @param histogram records by class size: 1, 2, 3-4, 5-9, 10-19, 20-49, 50-99, 100 and more
 */
public record RiskProfile(long records, int k, long recordsViolatingK, long uniqueRecords, long equivalenceClasses,
                          List<RiskQuantile> quantiles, List<RiskBin> histogram) {
    static final int[] PERCENTS = {50, 75, 90, 95, 99, 100};
    static final int[] BIN_STARTS = {1, 2, 3, 5, 10, 20, 50, 100};

    public RiskProfile {
        quantiles = List.copyOf(quantiles);
        histogram = List.copyOf(histogram);
    }

    /** The expected number of re-identifications: the sum over records of their individual risk. */
    public double expectedReidentifications() {
        return equivalenceClasses;
    }

    /** Expected re-identifications divided by the number of records (0 without records). */
    public double expectedReidentificationShare() {
        return records == 0 ? 0 : (double) equivalenceClasses / records;
    }

    /** The highest individual risk (0 without records). */
    public double maxRisk() {
        return quantiles.isEmpty() ? 0 : quantiles.get(quantiles.size() - 1).risk();
    }

    /**
     * The profile of records grouped into classes of the given sizes. Cost: O(c log c) for {@code c} classes.
     */
    static RiskProfile of(int k, Iterable<Long> classSizes) {
        TreeMap<Long, Long> classesBySize = new TreeMap<>();
        for (long size : classSizes) {
            if (size > 0) {
                classesBySize.merge(size, 1L, Long::sum);
            }
        }
        long records = 0;
        long classes = 0;
        long violating = 0;
        long unique = 0;
        long[] binRecords = new long[BIN_STARTS.length];
        long[] binClasses = new long[BIN_STARTS.length];
        for (Map.Entry<Long, Long> e : classesBySize.entrySet()) {
            long size = e.getKey();
            long n = e.getValue() * size;
            records += n;
            classes += e.getValue();
            if (size < k) {
                violating += n;
            }
            if (size == 1) {
                unique += n;
            }
            int bin = BIN_STARTS.length - 1;
            while (BIN_STARTS[bin] > size) {
                bin--;
            }
            binRecords[bin] += n;
            binClasses[bin] += e.getValue();
        }
        List<RiskBin> histogram = new ArrayList<>();
        for (int b = 0; b < BIN_STARTS.length; b++) {
            int max = b + 1 < BIN_STARTS.length ? BIN_STARTS[b + 1] - 1 : Integer.MAX_VALUE;
            histogram.add(new RiskBin(BIN_STARTS[b], max, binRecords[b], binClasses[b]));
        }
        List<RiskQuantile> quantiles = new ArrayList<>();
        if (records > 0) {
            // Ascending risk is descending class size.
            long seen = 0;
            int p = 0;
            for (Map.Entry<Long, Long> e : classesBySize.descendingMap().entrySet()) {
                seen += e.getValue() * e.getKey();
                while (p < PERCENTS.length && seen * 100 >= (long) PERCENTS[p] * records) {
                    quantiles.add(new RiskQuantile(PERCENTS[p], Math.toIntExact(e.getKey())));
                    p++;
                }
            }
        }
        return new RiskProfile(records, k, violating, unique, classes, quantiles, histogram);
    }
}
