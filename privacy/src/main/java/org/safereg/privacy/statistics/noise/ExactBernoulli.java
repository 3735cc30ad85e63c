package org.safereg.privacy.statistics.noise;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Exact Bernoulli trials from uniform random integers (Canonne, Kamath, Steinke 2020, "The Discrete Gaussian
 * for Differential Privacy", section 5): no floating point anywhere. Thread-safe if the random source is.
 */
final class ExactBernoulli {
    private final SecureRandom random;

    ExactBernoulli(SecureRandom random) {
        this.random = random;
    }

    /** A uniform integer in {@code [0, bound)} by rejection (exact). */
    BigInteger uniform(BigInteger bound) {
        int bits = bound.bitLength();
        BigInteger u;
        do {
            u = new BigInteger(bits, random);
        } while (u.compareTo(bound) >= 0);
        return u;
    }

    /** True with probability {@code p}, {@code 0 <= p <= 1}. */
    boolean withProbability(Rational p) {
        return uniform(p.denominator()).compareTo(p.numerator()) < 0;
    }

    /** True with probability {@code exp(-gamma)}, {@code gamma >= 0}. */
    boolean withProbabilityExpMinus(Rational gamma) {
        BigInteger whole = gamma.floor();
        for (BigInteger i = BigInteger.ZERO; i.compareTo(whole) < 0; i = i.add(BigInteger.ONE)) {
            if (!expMinusAtMostOne(Rational.of(1))) {
                return false;
            }
        }
        Rational fraction = new Rational(gamma.numerator().subtract(whole.multiply(gamma.denominator())),
                gamma.denominator());
        return expMinusAtMostOne(fraction);
    }

    /** Algorithm 1 for {@code 0 <= gamma <= 1}: the parity of the first failure of Bernoulli(gamma / k). */
    private boolean expMinusAtMostOne(Rational gamma) {
        BigInteger k = BigInteger.ONE;
        while (withProbability(new Rational(gamma.numerator(), gamma.denominator().multiply(k)))) {
            k = k.add(BigInteger.ONE);
        }
        return k.testBit(0);
    }
}
