package org.safereg.privacy.statistics.noise;

import java.util.Objects;

/**
 * A privacy loss in zero-concentrated differential privacy (zCDP, Bun and Steinke 2016). Losses of
 * releases over the same population add up exactly ({@link #plus}); {@link #epsilonAt} converts to the
 * {@code (epsilon, delta)} statement reported to readers. Immutable and thread-safe.
 */
public record Rho(Rational value) implements Comparable<Rho> {
    public static final Rho ZERO = new Rho(Rational.ZERO);

    public Rho {
        Objects.requireNonNull(value);
    }

    /** The loss of a discrete Gaussian with this {@code sigma^2} on a query of sensitivity 1. */
    public static Rho ofDiscreteGaussian(Rational sigmaSquared) {
        return new Rho(Rational.of(2).times(sigmaSquared).inverse());
    }

    /** Sequential composition: the loss of both releases. */
    public Rho plus(Rho other) {
        return new Rho(value.plus(other.value));
    }

    /**
     * The equivalent {@code epsilon} at this {@code delta}: {@code rho + 2 sqrt(rho ln(1/delta))} (Bun and
     * Steinke 2016, Proposition 1.3). Floating point is fine here: it is a report, not a sampling step.
     */
    public double epsilonAt(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1)");
        }
        double rho = value.doubleValue();
        return rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
    }

    @Override
    public int compareTo(Rho o) {
        return value.compareTo(o.value);
    }
}
