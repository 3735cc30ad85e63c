package org.safereg.privacy.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic registered persons for tests and the benchmark: admin2 areas under admin1 areas with a skewed
 * size distribution (a few large camps and towns with thousands, many areas with a few dozen), sex, age
 * band and population category; each area has its own dominant category (some areas nearly all refugees),
 * which triggers group disclosure. Deterministic for a seed.
 */
final class SyntheticPopulation {
    static final List<String> SEXES = List.of("F", "M");
    static final List<String> AGE_BANDS = List.of("0-4", "5-11", "12-17", "18-59", "60+");
    static final List<String> CATEGORIES = List.of("IDP", "REF", "RET", "HOST", "OTH");
    private static final double[] AGE_SHARES = {0.15, 0.20, 0.13, 0.45, 0.07};

    private final List<Dimension> dimensions;
    private final List<String> admin2;
    private final double[] areaWeights;
    private final int[] dominantCategory;
    private final double[] dominantShare;

    /**
     * @param skew exponent of the area sizes: the area of rank {@code r} gets weight {@code r^-skew}
     */
    SyntheticPopulation(int admin1Count, int admin2PerAdmin1, double skew, int ageBands, int categories, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Dimension.Builder geography = Dimension.builder("admin2", "ALL");
        admin2 = new ArrayList<>();
        for (int a = 1; a <= admin1Count; a++) {
            String admin1 = String.format("A%02d", a);
            geography.add(admin1, "ALL");
            for (int b = 1; b <= admin2PerAdmin1; b++) {
                String code = String.format("%s-%02d", admin1, b);
                geography.add(code, admin1);
                admin2.add(code);
            }
        }
        dimensions = List.of(geography.build(),
                Dimension.flat("sex", "T", SEXES),
                Dimension.flat("age", "T", AGE_BANDS.subList(0, ageBands)),
                Dimension.flat("category", "T", CATEGORIES.subList(0, categories)).asSensitive());
        int n = admin2.size();
        // ranks shuffled over the areas, so that large and small areas mix within every admin1
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[i] = i + 1;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        areaWeights = new double[n];
        dominantCategory = new int[n];
        dominantShare = new double[n];
        for (int i = 0; i < n; i++) {
            areaWeights[i] = Math.pow(rank[i], -skew);
            dominantCategory[i] = random.nextInt(categories);
            dominantShare[i] = 0.4 + 0.58 * random.nextDouble();
        }
    }

    List<Dimension> dimensions() {
        return dimensions;
    }

    /** Tallies {@code persons} synthetic persons into a fresh table. */
    CountTable tally(int persons, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] areaCumulative = cumulative(areaWeights);
        int ageBands = dimensions.get(2).size() - 1;
        int categories = dimensions.get(3).size() - 1;
        double[] ages = cumulative(java.util.Arrays.copyOf(AGE_SHARES, ageBands));
        CountTable.Builder builder = CountTable.builder(dimensions);
        for (int p = 0; p < persons; p++) {
            int area = pick(areaCumulative, random.nextDouble());
            int category = random.nextDouble() < dominantShare[area]
                    ? dominantCategory[area] : random.nextInt(categories);
            builder.increment(admin2.get(area), SEXES.get(random.nextInt(2)),
                    AGE_BANDS.get(pick(ages, random.nextDouble())), CATEGORIES.get(category));
        }
        return builder.build();
    }

    private static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private static int pick(double[] cumulative, double u) {
        int i = java.util.Arrays.binarySearch(cumulative, u);
        return Math.min(i < 0 ? -i - 1 : i, cumulative.length - 1);
    }
}
