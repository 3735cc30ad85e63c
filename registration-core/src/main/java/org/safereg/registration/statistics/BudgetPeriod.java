package org.safereg.registration.statistics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter (UTC), the period of a privacy budget: {@code 2026-Q4}. Immutable. */
public record BudgetPeriod(int year, int quarter) implements Comparable<BudgetPeriod> {
    private static final Pattern FORM = Pattern.compile("([0-9]{4})-Q([1-4])");

    public BudgetPeriod {
        if (year < 1000 || year > 9999 || quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a budget period is a quarter YYYY-Qn");
        }
    }

    /** The quarter {@code at} falls in (UTC). */
    public static BudgetPeriod of(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return new BudgetPeriod(utc.getYear(), (utc.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * Parses {@code 2026-Q4}.
     *
     * @throws IllegalArgumentException another form
     */
    public static BudgetPeriod parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("a budget period is a quarter YYYY-Qn");
        }
        return new BudgetPeriod(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public int compareTo(BudgetPeriod o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }

    /** {@code 2026-Q4}. */
    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
