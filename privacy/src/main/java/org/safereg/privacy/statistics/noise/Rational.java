package org.safereg.privacy.statistics.noise;

import java.math.BigInteger;

/**
 * An exact non-negative rational number {@code numerator / denominator} in lowest terms: noise parameters
 * and privacy losses are rationals so that sampling never touches floating point and budgets add up exactly.
 * Immutable and thread-safe.
 */
public record Rational(BigInteger numerator, BigInteger denominator) implements Comparable<Rational> {
    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);

    public Rational {
        if (numerator.signum() < 0 || denominator.signum() <= 0) {
            throw new IllegalArgumentException("rationals here are non-negative with a positive denominator");
        }
        BigInteger g = numerator.gcd(denominator);
        if (g.signum() > 0 && !g.equals(BigInteger.ONE)) {
            numerator = numerator.divide(g);
            denominator = denominator.divide(g);
        }
    }

    public static Rational of(long numerator, long denominator) {
        return new Rational(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public static Rational of(long integer) {
        return of(integer, 1);
    }

    public Rational plus(Rational o) {
        return new Rational(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
                denominator.multiply(o.denominator));
    }

    public Rational times(Rational o) {
        return new Rational(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
    }

    /** The reciprocal; throws {@link ArithmeticException} for zero. */
    public Rational inverse() {
        if (numerator.signum() == 0) {
            throw new ArithmeticException("zero has no inverse");
        }
        return new Rational(denominator, numerator);
    }

    public boolean isZero() {
        return numerator.signum() == 0;
    }

    /** The largest integer not above this value. */
    public BigInteger floor() {
        return numerator.divide(denominator);
    }

    /** For reporting only (the manifest, the ledger's display); never for sampling. */
    public double doubleValue() {
        return new java.math.BigDecimal(numerator).divide(new java.math.BigDecimal(denominator),
                java.math.MathContext.DECIMAL64).doubleValue();
    }

    @Override
    public int compareTo(Rational o) {
        return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }

    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}
