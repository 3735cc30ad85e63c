package org.safereg.registration.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contiguous integer bands covering every value from a minimum up, the last one open: age bands
 * ({@code 0-4,5-11,12-17,18-59,60+}) and household-size bands ({@code 1,2-3,4-6,7+}). A band's label is its
 * code in a table ({@code 5-11}, {@code 60+}, {@code 1}). Immutable and thread-safe; {@link #bandOf} is a scan
 * of a handful of bands.
 */
public final class IntegerBands {
    private static final Pattern BAND = Pattern.compile("(\\d{1,3})(?:-(\\d{1,3})|(\\+))?");

    /** One band: {@code lower} to {@code upper} inclusive, or {@code lower} and above when upper is empty. */
    public record Band(int lower, Optional<Integer> upper) {
        public Band {
            Objects.requireNonNull(upper, "upper");
            if (lower < 0 || upper.filter(u -> u < lower).isPresent()) {
                throw new IllegalArgumentException("a band runs from a non-negative lower bound up");
            }
        }

        /** The code of the band in a table: {@code 5-11}, {@code 7} (one value) or {@code 60+}. */
        public String label() {
            return upper.map(u -> u == lower ? Integer.toString(lower) : lower + "-" + u).orElse(lower + "+");
        }

        boolean contains(int value) {
            return value >= lower && upper.map(u -> value <= u).orElse(true);
        }
    }

    private final List<Band> bands;

    private IntegerBands(List<Band> bands) {
        this.bands = List.copyOf(bands);
    }

    /**
     * Parses a comma-separated list such as {@code 0-4,5-11,12-17,18-59,60+}: bands in ascending order, the first
     * starting at {@code minimum}, each starting right after the previous one, the last open ({@code N+}).
     *
     * @throws IllegalArgumentException a malformed list, a gap, an overlap, or a closed last band
     */
    public static IntegerBands parse(String spec, int minimum) {
        Objects.requireNonNull(spec, "spec");
        List<Band> bands = new ArrayList<>();
        int next = minimum;
        String[] parts = spec.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            Matcher m = BAND.matcher(parts[i].strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("bands are N-M, N or N+ separated by commas: " + spec);
            }
            int lower = Integer.parseInt(m.group(1));
            boolean open = m.group(3) != null;
            Optional<Integer> upper = open ? Optional.empty()
                    : Optional.of(m.group(2) == null ? lower : Integer.parseInt(m.group(2)));
            if (lower != next) {
                throw new IllegalArgumentException("band " + parts[i].strip() + " should start at " + next);
            }
            if (upper.filter(u -> u < lower).isPresent()) {
                throw new IllegalArgumentException("band " + parts[i].strip() + " ends before it starts");
            }
            if (open != (i == parts.length - 1)) {
                throw new IllegalArgumentException("only the last band is open (N+), and it must be: " + spec);
            }
            bands.add(new Band(lower, upper));
            next = upper.map(u -> u + 1).orElse(Integer.MAX_VALUE);
        }
        return new IntegerBands(bands);
    }

    /** The bands, ascending. */
    public List<Band> bands() {
        return bands;
    }

    /** The band's labels, ascending. */
    public List<String> labels() {
        return bands.stream().map(Band::label).toList();
    }

    /** The band holding {@code value}, empty below the minimum. */
    public Optional<Band> bandOf(int value) {
        for (Band b : bands) {
            if (b.contains(value)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The list as {@link #parse} reads it. */
    @Override
    public String toString() {
        return String.join(",", labels());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntegerBands b && b.bands.equals(bands);
    }

    @Override
    public int hashCode() {
        return bands.hashCode();
    }
}
