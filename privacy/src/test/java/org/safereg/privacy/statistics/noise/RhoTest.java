package org.safereg.privacy.statistics.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RhoTest {
    @Test
    void discreteGaussianLossIsOneOverTwoSigmaSquared() {
        assertThat(Rho.ofDiscreteGaussian(Rational.of(50)).value()).isEqualTo(Rational.of(1, 100));
        DiscreteGaussian g = new DiscreteGaussian(Rational.of(25, 2), Seeded.random(1));
        assertThat(g.rho(1).value()).isEqualTo(Rational.of(1, 25));
        assertThat(g.rho(3).value()).isEqualTo(Rational.of(9, 25));
    }

    @Test
    void discreteLaplaceLossIsHalfEpsilonSquared() {
        // scale 4: epsilon = 1/4, rho = 1/32
        assertThat(new DiscreteLaplace(Rational.of(4), Seeded.random(1)).rho(1).value())
                .isEqualTo(Rational.of(1, 32));
    }

    @Test
    void lossesAddUpExactly() {
        Rho total = Rho.ZERO;
        for (int i = 0; i < 3; i++) {
            total = total.plus(Rho.ofDiscreteGaussian(Rational.of(3)));
        }
        assertThat(total.value()).isEqualTo(Rational.of(1, 2));
        assertThat(total.compareTo(new Rho(Rational.of(1, 2)))).isZero();
        assertThat(total.compareTo(new Rho(Rational.of(49, 100)))).isPositive();
    }

    @Test
    void epsilonAtDelta() {
        Rho rho = new Rho(Rational.of(1, 2));
        // 0.5 + 2 sqrt(0.5 ln 1e6) = 0.5 + 2 * 2.62826...
        assertThat(rho.epsilonAt(1e-6)).isCloseTo(0.5 + 2 * Math.sqrt(0.5 * Math.log(1e6)), within(1e-12));
        assertThat(rho.epsilonAt(1e-6)).isCloseTo(5.7565, within(1e-4));
        assertThat(Rho.ZERO.epsilonAt(1e-6)).isZero();
    }
}
