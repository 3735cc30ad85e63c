package org.safereg.registration.statistics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.safereg.privacy.statistics.noise.Rational;

/** Exact rationals from request text (internal): {@code 8}, {@code 25/2}, {@code 0.125}. Stateless. */
final class Rationals {
    private static final Pattern FRACTION = Pattern.compile("([0-9]{1,18})/([0-9]{1,18})");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}(\\.[0-9]{1,18})?");

    private Rationals() {
    }

    /**
     * Parses a non-negative integer, fraction {@code p/q} or decimal.
     *
     * @throws IllegalArgumentException another form, or a zero denominator
     */
    static Rational parse(String text) {
        String t = text.strip();
        var fraction = FRACTION.matcher(t);
        if (fraction.matches()) {
            BigInteger q = new BigInteger(fraction.group(2));
            if (q.signum() == 0) {
                throw new IllegalArgumentException("zero denominator");
            }
            return new Rational(new BigInteger(fraction.group(1)), q);
        }
        if (DECIMAL.matcher(t).matches()) {
            BigDecimal d = new BigDecimal(t);
            return new Rational(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
        }
        throw new IllegalArgumentException("not a non-negative integer, fraction p/q or decimal");
    }
}
