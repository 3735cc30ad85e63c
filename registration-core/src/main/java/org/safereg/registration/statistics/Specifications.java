package org.safereg.registration.statistics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.safereg.registration.FieldError;

/**
 * What tables and extracts share in checking a request and describing it in the manifest (internal): the
 * dimension list, the codings of the banded and monthly dimensions, decimals. Stateless.
 */
final class Specifications {
    private Specifications() {
    }

    /**
     * The dimensions named in {@code names}, each problem added to {@code errors} under {@code path}: unknown names
     * ({@code path[i]}), a name twice, more than one geography, a count outside 1 to {@code max}.
     *
     * @param noun how the request calls them ("dimension", "field")
     */
    static List<StatisticalDimension> dimensions(List<FieldError> errors, String path, String noun, List<String> names,
                                                 int max) {
        List<StatisticalDimension> dimensions = new ArrayList<>();
        if (names.isEmpty() || names.size() > max) {
            errors.add(new FieldError(path, "1 to " + max + " " + noun + "s"));
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            try {
                dimensions.add(StatisticalDimension.parse(name == null ? "" : name));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(path + "[" + i + "]", "not a " + noun + ": one of "
                        + String.join(", ", StatisticalDimension.names())));
            }
        }
        if (new HashSet<>(dimensions).size() != dimensions.size()) {
            errors.add(new FieldError(path, "a " + noun + " appears twice"));
        }
        if (dimensions.stream().filter(d -> d.adminLevel() > 0).count() > 1) {
            errors.add(new FieldError(path, "at most one of ADMIN1 and ADMIN2 (ADMIN2 includes admin1)"));
        }
        return dimensions;
    }

    /**
     * Adds to a manifest's specification how the dimensions present are coded: {@code ageBands},
     * {@code householdSizeBands}, {@code registrationMonths} (the twelve months up to {@code month}).
     */
    static void codings(Map<String, Object> specification, List<StatisticalDimension> dimensions,
                        StatisticsSettings settings, YearMonth month) {
        if (dimensions.stream().anyMatch(d -> d.kind() == StatisticalDimension.Kind.AGE_BAND)) {
            specification.put("ageBands", settings.ageBands().toString());
        }
        if (dimensions.stream().anyMatch(d -> d.kind() == StatisticalDimension.Kind.HOUSEHOLD_SIZE_BAND)) {
            specification.put("householdSizeBands", settings.householdSizeBands().toString());
        }
        if (dimensions.stream().anyMatch(d -> d.kind() == StatisticalDimension.Kind.REGISTRATION_MONTH)) {
            specification.put("registrationMonths", month.minusMonths(11) + ".." + month);
        }
    }

    /** A manifest decimal (six significant digits, as a string: manifests hold no floating point). */
    static String decimal(double value) {
        return new BigDecimal(value, new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
