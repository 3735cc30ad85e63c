package org.safereg.privacy.statistics.noise;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Discrete Gaussian noise: {@code P(x) proportional to exp(-x^2 / (2 sigma^2))} over the integers, sampled
 * exactly by Algorithm 3 of Canonne, Kamath, Steinke (2020): discrete Laplace proposals with scale
 * {@code floor(sigma) + 1}, accepted with probability {@code exp(-(|y| - sigma^2/t)^2 / (2 sigma^2))}, all in
 * rational arithmetic. With sensitivity {@code d} it satisfies {@code rho = d^2 / (2 sigma^2)} zCDP.
 *
 * <p>Thread-safe. Expected cost: a small constant number of discrete Laplace draws per sample (fewer than
 * two attempts on average for {@code sigma >= 1}).
 */
public final class DiscreteGaussian implements IntegerNoise {
    private final Rational sigmaSquared;
    private final Rational proposalScale;
    private final ExactBernoulli bernoulli;

    public DiscreteGaussian(Rational sigmaSquared, SecureRandom random) {
        if (sigmaSquared.isZero()) {
            throw new IllegalArgumentException("sigma^2 must be positive");
        }
        this.sigmaSquared = sigmaSquared;
        this.proposalScale = new Rational(sigmaSquared.floor().sqrt().add(BigInteger.ONE), BigInteger.ONE);
        this.bernoulli = new ExactBernoulli(Objects.requireNonNull(random));
    }

    /** The published noise parameter {@code sigma^2}. */
    public Rational sigmaSquared() {
        return sigmaSquared;
    }

    @Override
    public long sample() {
        BigInteger t = proposalScale.numerator();
        BigInteger n = sigmaSquared.numerator();
        BigInteger d = sigmaSquared.denominator();
        while (true) {
            BigInteger y = DiscreteLaplace.sample(bernoulli, proposalScale);
            // (|y| - n/(d t))^2 / (2 n/d) = (|y| d t - n)^2 / (2 n d t^2)
            BigInteger gap = y.abs().multiply(d).multiply(t).subtract(n);
            Rational gamma = new Rational(gap.multiply(gap),
                    BigInteger.TWO.multiply(n).multiply(d).multiply(t).multiply(t));
            if (bernoulli.withProbabilityExpMinus(gamma)) {
                return y.longValueExact();
            }
        }
    }

    @Override
    public Rho rho(long sensitivity) {
        if (sensitivity < 1) {
            throw new IllegalArgumentException("sensitivity must be positive");
        }
        return new Rho(Rational.of(sensitivity * sensitivity).times(Rho.ofDiscreteGaussian(sigmaSquared).value()));
    }
}
