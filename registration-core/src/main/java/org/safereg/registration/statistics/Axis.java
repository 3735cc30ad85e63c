package org.safereg.registration.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.safereg.privacy.statistics.Dimension;
import org.safereg.registration.model.PopulationCategory;
import org.safereg.registration.model.Sex;
import org.safereg.registration.model.SiteType;

/**
 * One dimension of a table being released (internal): the tree of codes handed to the privacy engine (root
 * {@value #TOTAL}, every known code, an explicit {@value #UNKNOWN}), the projection columns it is computed from,
 * how a grouped row of those columns maps to a leaf code, and how a code is written in the CSV (column headers,
 * HXL hashtags, values). Immutable; built per release by {@link #of}.
 */
final class Axis {
    /** Code of every dimension's root (the margin over it). */
    static final String TOTAL = "total";
    /** Code of values not recorded, or not in the catalogue. */
    static final String UNKNOWN = "unknown";
    /** REGISTRATION_MONTH: registered before the twelve months shown. */
    static final String EARLIER = "earlier";

    /** Maps the grouped projection values of this axis (in {@link #columns} order) to a leaf code. */
    @FunctionalInterface
    interface Coder {
        String leaf(Object[] values);
    }

    private final StatisticalDimension dimension;
    private final Dimension tree;
    private final List<String> columns;
    private final Coder coder;
    private final List<String> headers;
    private final List<String> hashtags;
    private final Function<String, List<String>> csvValues;

    private Axis(StatisticalDimension dimension, Dimension tree, List<String> columns, Coder coder,
                 List<String> headers, List<String> hashtags, Function<String, List<String>> csvValues) {
        this.dimension = dimension;
        this.tree = tree;
        this.columns = List.copyOf(columns);
        this.coder = coder;
        this.headers = List.copyOf(headers);
        this.hashtags = List.copyOf(hashtags);
        this.csvValues = csvValues;
    }

    /** Reference data and settings the axes are built from. */
    record Context(String population, List<String> admin1, Map<String, List<String>> admin2ByAdmin1,
                   StatisticsSettings settings, int referenceYear, java.time.YearMonth releaseMonth) {
    }

    StatisticalDimension dimension() {
        return dimension;
    }

    Dimension tree() {
        return tree;
    }

    /** SQL expressions over the projection row ({@code u.*}, plus {@code u.hh_size}) this axis groups by. */
    List<String> columns() {
        return columns;
    }

    String leaf(Object[] values) {
        return coder.leaf(values);
    }

    List<String> headers() {
        return headers;
    }

    List<String> hashtags() {
        return hashtags;
    }

    /** The CSV values of a node of the tree (one per header). */
    List<String> csvValues(String code) {
        return csvValues.apply(code);
    }

    /** Whether this axis needs the household size computed over included members. */
    boolean needsHouseholdSize() {
        return dimension.kind() == StatisticalDimension.Kind.HOUSEHOLD_SIZE_BAND;
    }

    static Axis of(StatisticalDimension d, Context c) {
        return switch (d.kind()) {
            case ADMIN1 -> admin1(d, c);
            case ADMIN2 -> admin2(d, c);
            case SITE_TYPE -> categories(d, "u.site_type", names(SiteType.values()), true, "site_type", "#loc+type");
            case POPULATION_CATEGORY -> categories(d, "u.population_category", names(PopulationCategory.values()),
                    true, "population_category", "#meta+population_category");
            case SEX -> categories(d, "coalesce(u.sex, 'UNKNOWN')", names(Sex.values()), false, "sex", "#meta+sex");
            case NATIONALITY -> categories(d, "u.nationality", nationalities(), true, "nationality",
                    "#country+code+nationality");
            case AGE_BAND -> ageBand(d, c);
            case REGISTRATION_MONTH -> registrationMonth(d, c);
            case HOUSEHOLD_SIZE_BAND -> householdSize(d, c);
            case SPECIFIC_NEED -> specificNeed(d);
        };
    }

    private static Axis admin1(StatisticalDimension d, Context c) {
        Set<String> known = new TreeSet<>(c.admin1());
        Dimension.Builder b = Dimension.builder(d.name(), TOTAL);
        known.forEach(code -> b.add(code, TOTAL));
        b.add(UNKNOWN, TOTAL);
        return new Axis(d, b.build(), List.of("u.admin1_pcode"),
                v -> v[0] != null && known.contains((String) v[0]) ? (String) v[0] : UNKNOWN,
                List.of("adm1_pcode"), List.of("#adm1+code"), List::of);
    }

    private static Axis admin2(StatisticalDimension d, Context c) {
        Dimension.Builder b = Dimension.builder(d.name(), TOTAL);
        Map<String, List<String>> csv = new HashMap<>();
        csv.put(TOTAL, List.of(TOTAL, TOTAL));
        Map<String, Set<String>> known = new HashMap<>();
        for (String a1 : new TreeSet<>(c.admin1())) {
            b.add(a1, TOTAL);
            csv.put(a1, List.of(a1, TOTAL));
            Set<String> children = new TreeSet<>(c.admin2ByAdmin1().getOrDefault(a1, List.of()));
            known.put(a1, children);
            for (String a2 : children) {
                b.add(a2, a1);
                csv.put(a2, List.of(a1, a2));
            }
            b.add(a1 + "/" + UNKNOWN, a1);
            csv.put(a1 + "/" + UNKNOWN, List.of(a1, UNKNOWN));
        }
        b.add(UNKNOWN, TOTAL);
        csv.put(UNKNOWN, List.of(UNKNOWN, UNKNOWN));
        return new Axis(d, b.build(), List.of("u.admin1_pcode", "u.admin2_pcode"), v -> {
            Set<String> children = v[0] == null ? null : known.get((String) v[0]);
            if (children == null) {
                return UNKNOWN;
            }
            return v[1] != null && children.contains((String) v[1]) ? (String) v[1] : v[0] + "/" + UNKNOWN;
        }, List.of("adm1_pcode", "adm2_pcode"), List.of("#adm1+code", "#adm2+code"), csv::get);
    }

    /** A flat dimension over {@code categories}, plus {@value #UNKNOWN} if {@code withUnknown}. */
    private static Axis categories(StatisticalDimension d, String column, List<String> categories,
                                   boolean withUnknown, String header, String hashtag) {
        List<String> codes = new ArrayList<>(categories);
        if (withUnknown) {
            codes.add(UNKNOWN);
        }
        Set<String> known = Set.copyOf(categories);
        Dimension tree = Dimension.flat(d.name(), TOTAL, codes);
        return new Axis(d, d.sensitive() ? tree.asSensitive() : tree, List.of(column),
                v -> v[0] != null && known.contains(v[0].toString()) ? v[0].toString() : UNKNOWN,
                List.of(header), List.of(hashtag), List::of);
    }

    /**
     * The database maps the year of birth to the band's index (so it groups by band, not by year): the age reached
     * in the reference year against the bands' lower bounds; a year after the reference year counts as unknown.
     * The SQL holds only integers of the configuration, never request text.
     */
    private static Axis ageBand(StatisticalDimension d, Context c) {
        IntegerBands bands = c.settings().ageBands();
        List<String> labels = bands.labels();
        List<String> codes = new ArrayList<>(labels);
        codes.add(UNKNOWN);
        int year = c.referenceYear();
        String lowers = bands.bands().stream().skip(1).map(b -> Integer.toString(b.lower()))
                .collect(Collectors.joining(","));
        String index = lowers.isEmpty() ? "0" : "width_bucket(" + year + " - u.birth_year, ARRAY[" + lowers + "])";
        String column = "CASE WHEN u.birth_year IS NULL OR u.birth_year > " + year + " THEN NULL ELSE " + index
                + " END";
        return new Axis(d, Dimension.flat(d.name(), TOTAL, codes), List.of(column),
                v -> v[0] == null ? UNKNOWN : labels.get(((Number) v[0]).intValue()),
                List.of("age_band"), List.of("#meta+age_band"), List::of);
    }

    private static Axis registrationMonth(StatisticalDimension d, Context c) {
        List<String> months = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            months.add(c.releaseMonth().minusMonths(i).toString());
        }
        String first = months.get(0);
        Set<String> shown = Set.copyOf(months);
        List<String> codes = new ArrayList<>(months);
        codes.add(EARLIER);
        codes.add(UNKNOWN);
        return new Axis(d, Dimension.flat(d.name(), TOTAL, codes), List.of("u.registration_month"), v -> {
            String month = (String) v[0];
            if (shown.contains(month)) {
                return month;
            }
            return month.compareTo(first) < 0 ? EARLIER : UNKNOWN;
        }, List.of("registration_month"), List.of("#date+registered"), List::of);
    }

    private static Axis householdSize(StatisticalDimension d, Context c) {
        IntegerBands bands = c.settings().householdSizeBands();
        return new Axis(d, Dimension.flat(d.name(), TOTAL, bands.labels()), List.of("u.hh_size"),
                v -> bands.bandOf(((Number) v[0]).intValue()).orElseThrow().label(),
                List.of("household_size_band"), List.of("#meta+household_size"), List::of);
    }

    private static Axis specificNeed(StatisticalDimension d) {
        String need = d.need().orElseThrow().name();
        String lower = need.toLowerCase(Locale.ROOT);
        Dimension tree = Dimension.flat(d.name(), TOTAL, List.of("YES", "NO")).asSensitive();
        // the need is an enum name (letters and underscores), never request text
        return new Axis(d, tree, List.of("('" + need + "' = ANY (u.specific_needs))"),
                v -> Boolean.TRUE.equals(v[0]) ? "YES" : "NO",
                List.of("specific_need_" + lower), List.of("#meta+specific_need+" + lower), List::of);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> nationalities() {
        return List.copyOf(new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3)));
    }
}
