package org.safereg.privacy.statistics.noise;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Discrete Laplace noise: {@code P(x) proportional to exp(-|x| / scale)} over the integers, sampled exactly by
 * Algorithm 2 of Canonne, Kamath, Steinke (2020) from a {@link SecureRandom}. With scale {@code b} and
 * sensitivity {@code d} it is {@code (d/b)}-differentially private, i.e. {@code rho = (d/b)^2 / 2} zCDP.
 *
 * <p>Thread-safe. Expected cost: a constant number of uniform draws, growing with the scale's numerator (a
 * uniform integer below it per attempt).
 */
public final class DiscreteLaplace implements IntegerNoise {
    private final Rational scale;
    private final ExactBernoulli bernoulli;

    public DiscreteLaplace(Rational scale, SecureRandom random) {
        if (scale.isZero()) {
            throw new IllegalArgumentException("scale must be positive");
        }
        this.scale = scale;
        this.bernoulli = new ExactBernoulli(Objects.requireNonNull(random));
    }

    /** The published noise scale {@code b}. */
    public Rational scale() {
        return scale;
    }

    @Override
    public long sample() {
        return sample(bernoulli, scale).longValueExact();
    }

    /** Scale {@code t/s}: the paper's parameters. */
    static BigInteger sample(ExactBernoulli bernoulli, Rational scale) {
        BigInteger t = scale.numerator();
        BigInteger s = scale.denominator();
        while (true) {
            BigInteger u = bernoulli.uniform(t);
            if (!bernoulli.withProbabilityExpMinus(new Rational(u, t))) {
                continue;
            }
            BigInteger v = BigInteger.ZERO;
            while (bernoulli.withProbabilityExpMinus(Rational.of(1))) {
                v = v.add(BigInteger.ONE);
            }
            BigInteger y = u.add(t.multiply(v)).divide(s);
            boolean negative = bernoulli.withProbability(Rational.of(1, 2));
            if (negative && y.signum() == 0) {
                continue;
            }
            return negative ? y.negate() : y;
        }
    }

    @Override
    public Rho rho(long sensitivity) {
        if (sensitivity < 1) {
            throw new IllegalArgumentException("sensitivity must be positive");
        }
        Rational epsilon = Rational.of(sensitivity).times(scale.inverse());
        return new Rho(epsilon.times(epsilon).times(Rational.of(1, 2)));
    }
}
