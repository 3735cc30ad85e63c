package org.safereg.privacy.statistics.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExactBernoulliTest {
    private static final int N = 100_000;

    private static double frequency(Rational gamma, long seed) {
        ExactBernoulli b = new ExactBernoulli(Seeded.random(seed));
        int hits = 0;
        for (int i = 0; i < N; i++) {
            if (b.withProbabilityExpMinus(gamma)) {
                hits++;
            }
        }
        return (double) hits / N;
    }

    /** Five standard errors of a frequency over N trials. */
    private static double tolerance(double p) {
        return 5 * Math.sqrt(p * (1 - p) / N);
    }

    @Test
    void expMinusGammaBelowOne() {
        double p = Math.exp(-0.3);
        assertThat(frequency(Rational.of(3, 10), 1)).isCloseTo(p, within(tolerance(p)));
    }

    @Test
    void expMinusGammaAboveOne() {
        double p = Math.exp(-7.0 / 3);
        assertThat(frequency(Rational.of(7, 3), 2)).isCloseTo(p, within(tolerance(p)));
    }

    @Test
    void expMinusZeroIsCertain() {
        assertThat(frequency(Rational.ZERO, 3)).isEqualTo(1.0);
    }

    @Test
    void rationalProbability() {
        ExactBernoulli b = new ExactBernoulli(Seeded.random(4));
        int hits = 0;
        for (int i = 0; i < N; i++) {
            if (b.withProbability(Rational.of(2, 7))) {
                hits++;
            }
        }
        assertThat((double) hits / N).isCloseTo(2.0 / 7, within(tolerance(2.0 / 7)));
    }
}
