package org.safereg.privacy.statistics;

import java.security.SecureRandom;
import java.util.Objects;
import org.safereg.privacy.statistics.noise.DiscreteGaussian;
import org.safereg.privacy.statistics.noise.DiscreteLaplace;
import org.safereg.privacy.statistics.noise.IntegerNoise;
import org.safereg.privacy.statistics.noise.Rational;
import org.safereg.privacy.statistics.noise.Rho;

/**
 * The noise of a differentially private table release ({@link NoisyTables}): the mechanism and its exact
 * rational scale, both published with the release. Immutable.
 *
 * @param scale {@code sigma^2} for {@link Mechanism#DISCRETE_GAUSSIAN}, {@code b} for
 *     {@link Mechanism#DISCRETE_LAPLACE}; positive
 */
public record NoiseSpec(Mechanism mechanism, Rational scale) {
    /** Integer noise added to each leaf count. */
    public enum Mechanism {
        /** {@code P(x) ~ exp(-x^2 / (2 sigma^2))}; scale is {@code sigma^2}. */
        DISCRETE_GAUSSIAN,
        /** {@code P(x) ~ exp(-|x| / b)}; scale is {@code b}. */
        DISCRETE_LAPLACE
    }

    public NoiseSpec {
        Objects.requireNonNull(mechanism);
        if (scale.isZero()) {
            throw new IllegalArgumentException("the noise scale must be positive");
        }
    }

    /** Discrete Gaussian noise of variance parameter {@code sigma^2}. */
    public static NoiseSpec discreteGaussian(Rational sigmaSquared) {
        return new NoiseSpec(Mechanism.DISCRETE_GAUSSIAN, sigmaSquared);
    }

    /** Discrete Laplace noise of scale {@code b}. */
    public static NoiseSpec discreteLaplace(Rational b) {
        return new NoiseSpec(Mechanism.DISCRETE_LAPLACE, b);
    }

    /**
     * The cost of ONE release of a person-level histogram, each person in exactly one leaf (L1 = L2
     * sensitivity 1): discrete Gaussian {@code rho = 1 / (2 sigma^2)}; discrete Laplace pure
     * {@code epsilon = 1/b}, charged as {@code rho = epsilon^2 / 2}.
     */
    public Rho rho() {
        return mechanism == Mechanism.DISCRETE_GAUSSIAN
                ? Rho.ofDiscreteGaussian(scale)
                : new Rho(scale.times(scale).times(Rational.of(2)).inverse());
    }

    /**
     * Variance of one draw, for the release notes (floating point, reporting only): discrete Laplace
     * {@code 2q / (1-q)^2} with {@code q = exp(-1/b)}; discrete Gaussian by summing its mass function (slightly
     * below {@code sigma^2} for small {@code sigma}, equal to it to double precision from {@code sigma ~ 2}).
     */
    public double variance() {
        double s = scale.doubleValue();
        if (mechanism == Mechanism.DISCRETE_LAPLACE) {
            double q = Math.exp(-1 / s);
            return 2 * q / ((1 - q) * (1 - q));
        }
        double total = 1;
        double second = 0;
        long bound = (long) Math.ceil(12 * Math.sqrt(s)) + 2;
        for (long x = 1; x <= bound; x++) {
            double w = Math.exp(-(double) x * x / (2 * s));
            total += 2 * w;
            second += 2 * w * x * x;
        }
        return second / total;
    }

    /** The exact sampler of this noise over the given source. */
    IntegerNoise sampler(SecureRandom random) {
        return mechanism == Mechanism.DISCRETE_GAUSSIAN
                ? new DiscreteGaussian(scale, random)
                : new DiscreteLaplace(scale, random);
    }
}
