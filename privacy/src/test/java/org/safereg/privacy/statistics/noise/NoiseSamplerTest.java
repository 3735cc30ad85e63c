package org.safereg.privacy.statistics.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

class NoiseSamplerTest {
    private static final int N = 100_000;

    private record Moments(double mean, double variance, double tail) {}

    private static Moments draw(IntegerNoise noise, long tailAt) {
        double sum = 0;
        double squares = 0;
        int tail = 0;
        for (int i = 0; i < N; i++) {
            long x = noise.sample();
            sum += x;
            squares += (double) x * x;
            if (Math.abs(x) >= tailAt) {
                tail++;
            }
        }
        double mean = sum / N;
        return new Moments(mean, squares / N - mean * mean, (double) tail / N);
    }

    /** Mass function normalised over [-bound, bound] (the rest is negligible for these parameters). */
    private record Exact(double variance, double tail) {
        static Exact of(LongToDoubleFunction weight, long tailAt, long bound) {
            double total = 0;
            double second = 0;
            double tail = 0;
            for (long x = -bound; x <= bound; x++) {
                double w = weight.applyAsDouble(x);
                total += w;
                second += w * x * x;
                if (Math.abs(x) >= tailAt) {
                    tail += w;
                }
            }
            return new Exact(second / total, tail / total);
        }
    }

    private static void matches(Moments m, Exact e) {
        double sd = Math.sqrt(e.variance());
        assertThat(m.mean()).isCloseTo(0.0, within(5 * sd / Math.sqrt(N)));
        // the variance of the sample variance is about 2 sigma^4 / N for these light tails; allow a margin
        assertThat(m.variance()).isCloseTo(e.variance(), within(6 * e.variance() * Math.sqrt(2.0 / N) * 2));
        assertThat(m.tail()).isCloseTo(e.tail(), within(5 * Math.sqrt(e.tail() * (1 - e.tail()) / N)));
    }

    @Test
    void discreteLaplaceWithIntegerScale() {
        Exact exact = Exact.of(x -> Math.exp(-Math.abs(x) / 3.0), 6, 400);
        // closed form: variance 2 e^(-1/b) / (1 - e^(-1/b))^2
        double q = Math.exp(-1 / 3.0);
        assertThat(exact.variance()).isCloseTo(2 * q / ((1 - q) * (1 - q)), within(1e-9));
        matches(draw(new DiscreteLaplace(Rational.of(3), Seeded.random(11)), 6), exact);
    }

    @Test
    void discreteLaplaceWithFractionalScale() {
        Exact exact = Exact.of(x -> Math.exp(-Math.abs(x) * 2 / 5.0), 4, 400);
        matches(draw(new DiscreteLaplace(Rational.of(5, 2), Seeded.random(12)), 4), exact);
    }

    @Test
    void discreteGaussianWithIntegerVariance() {
        Exact exact = Exact.of(x -> Math.exp(-(double) x * x / (2 * 4.0)), 4, 200);
        matches(draw(new DiscreteGaussian(Rational.of(4), Seeded.random(13)), 4), exact);
    }

    @Test
    void discreteGaussianWithFractionalVariance() {
        // sigma^2 = 25/2: tail beyond 2 sigma (about 7.07) starts at 8
        Exact exact = Exact.of(x -> Math.exp(-(double) x * x / 25.0), 8, 300);
        matches(draw(new DiscreteGaussian(Rational.of(25, 2), Seeded.random(14)), 8), exact);
    }

    @Test
    void discreteGaussianBelowOneIsMostlyZero() {
        Exact exact = Exact.of(x -> Math.exp(-(double) x * x / (2 * 0.25)), 1, 50);
        matches(draw(new DiscreteGaussian(Rational.of(1, 4), Seeded.random(15)), 1), exact);
    }

    /** Frequency of every value in [-4, 4] against the exact mass function, five standard errors each. */
    private static void massFunctionMatches(IntegerNoise noise, LongToDoubleFunction weight, long bound) {
        double total = 0;
        for (long x = -bound; x <= bound; x++) {
            total += weight.applyAsDouble(x);
        }
        int[] hits = new int[9];
        for (int i = 0; i < N; i++) {
            long x = noise.sample();
            if (Math.abs(x) <= 4) {
                hits[(int) x + 4]++;
            }
        }
        for (int x = -4; x <= 4; x++) {
            double p = weight.applyAsDouble(x) / total;
            assertThat((double) hits[x + 4] / N).as("P(" + x + ")")
                    .isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / N)));
        }
    }

    @Test
    void discreteLaplaceFrequenciesMatchItsMassFunction() {
        massFunctionMatches(new DiscreteLaplace(Rational.of(3, 2), Seeded.random(21)),
                x -> Math.exp(-Math.abs(x) / 1.5), 300);
    }

    @Test
    void discreteGaussianFrequenciesMatchItsMassFunction() {
        massFunctionMatches(new DiscreteGaussian(Rational.of(5, 2), Seeded.random(22)),
                x -> Math.exp(-(double) x * x / 5.0), 100);
    }

    @Test
    void seededSourceReproducesTheSequenceAndOtherSeedsDiffer() {
        long[] a = new long[50];
        long[] b = new long[50];
        long[] c = new long[50];
        IntegerNoise x = new DiscreteGaussian(Rational.of(9), Seeded.random(99));
        IntegerNoise y = new DiscreteGaussian(Rational.of(9), Seeded.random(99));
        IntegerNoise z = new DiscreteGaussian(Rational.of(9), Seeded.random(100));
        for (int i = 0; i < a.length; i++) {
            a[i] = x.sample();
            b[i] = y.sample();
            c[i] = z.sample();
        }
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void parametersMustBePositive() {
        assertThatThrownBy(() -> new DiscreteGaussian(Rational.ZERO, Seeded.random(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscreteLaplace(Rational.ZERO, Seeded.random(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rational.of(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
