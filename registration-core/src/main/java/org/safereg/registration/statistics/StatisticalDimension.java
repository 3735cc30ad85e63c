package org.safereg.registration.statistics;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.safereg.registration.model.SpecificNeed;

/**
 * A dimension a statistical table may be broken down by, from the statistical projection only. Every dimension
 * lists all its known codes (every P-code of the location catalogue, every category), so empty cells are part of
 * the table, plus an explicit {@code unknown} for values not recorded:
 * <ul>
 * <li>ADMIN1: admin1 P-codes of the population's country; ADMIN2: admin1 &gt; admin2 P-codes, a hierarchy (admin1
 *     subtotals are published), with an {@code unknown} admin2 under each admin1. A table has at most one;</li>
 * <li>SITE_TYPE, POPULATION_CATEGORY (sensitive), SEX (its own UNKNOWN), NATIONALITY (sensitive; ISO 3166-1
 *     alpha-3 codes; the first nationality recorded);</li>
 * <li>AGE_BAND: the configured bands of the age reached in the release's reference year;</li>
 * <li>REGISTRATION_MONTH: the twelve months up to the release's month, and {@code earlier};</li>
 * <li>HOUSEHOLD_SIZE_BAND: the configured bands of the household's size (a person in no household: 1);</li>
 * <li>SPECIFIC_NEED_&lt;need&gt; (sensitive): YES or NO for one {@link SpecificNeed}.</li>
 * </ul>
 * Sensitive dimensions are subject to the group-disclosure rule. Immutable.
 *
 * @param need the specific need of a SPECIFIC_NEED dimension, empty for the others
 */
public record StatisticalDimension(Kind kind, Optional<SpecificNeed> need) {
    /** The kinds of dimension. */
    public enum Kind {
        ADMIN1, ADMIN2, SITE_TYPE, POPULATION_CATEGORY, SEX, AGE_BAND, NATIONALITY, REGISTRATION_MONTH,
        HOUSEHOLD_SIZE_BAND, SPECIFIC_NEED
    }

    private static final String NEED_PREFIX = "SPECIFIC_NEED_";

    public StatisticalDimension {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(need, "need");
        if ((kind == Kind.SPECIFIC_NEED) != need.isPresent()) {
            throw new IllegalArgumentException("a SPECIFIC_NEED dimension, and only it, names a need");
        }
    }

    /** The dimension of a kind other than SPECIFIC_NEED. */
    public static StatisticalDimension of(Kind kind) {
        return new StatisticalDimension(kind, Optional.empty());
    }

    /** YES/NO for one specific need. */
    public static StatisticalDimension specificNeed(SpecificNeed need) {
        return new StatisticalDimension(Kind.SPECIFIC_NEED, Optional.of(need));
    }

    /**
     * The dimension named {@code name} ({@link #name()}: {@code ADMIN2}, {@code SPECIFIC_NEED_DISABILITY}),
     * case-insensitive.
     *
     * @throws IllegalArgumentException no such dimension
     */
    public static StatisticalDimension parse(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        if (n.startsWith(NEED_PREFIX)) {
            return specificNeed(SpecificNeed.valueOf(n.substring(NEED_PREFIX.length())));
        }
        Kind kind = Kind.valueOf(n);
        if (kind == Kind.SPECIFIC_NEED) {
            throw new IllegalArgumentException("name the need: SPECIFIC_NEED_<need>");
        }
        return of(kind);
    }

    /** Every dimension's name, for messages and documentation. */
    public static List<String> names() {
        List<String> names = new java.util.ArrayList<>();
        for (Kind k : Kind.values()) {
            if (k == Kind.SPECIFIC_NEED) {
                for (SpecificNeed n : SpecificNeed.values()) {
                    names.add(NEED_PREFIX + n.name());
                }
            } else {
                names.add(k.name());
            }
        }
        return names;
    }

    /** {@code ADMIN2}, {@code SPECIFIC_NEED_DISABILITY}. */
    public String name() {
        return need.map(n -> NEED_PREFIX + n.name()).orElse(kind.name());
    }

    /**
     * Whether the group-disclosure rule applies (population category, nationality, specific needs): "everyone at
     * this site is of nationality Y" discloses the nationality of each of them.
     */
    public boolean sensitive() {
        return kind == Kind.POPULATION_CATEGORY || kind == Kind.NATIONALITY || kind == Kind.SPECIFIC_NEED;
    }

    /** The administrative level shown (1, 2), 0 for a dimension that is not geographic. */
    public int adminLevel() {
        return switch (kind) {
            case ADMIN1 -> 1;
            case ADMIN2 -> 2;
            default -> 0;
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
