package org.safereg.registration.statistics;

import java.time.Instant;
import java.util.Objects;
import org.safereg.privacy.statistics.noise.Rho;

/**
 * The privacy budget of one population and quarter: the cap the data protection officer set, what releases have
 * spent (committed, plus reservations of releases in progress or interrupted, which count until settled), and
 * what is left, in zCDP {@code rho} (exact) and as the equivalent {@code epsilon} at {@code delta}
 * ({@link Rho#epsilonAt}: losses add up in rho, not in epsilon, so {@code epsilonRemaining} is the epsilon of the
 * remaining rho, what one more release could still spend, not the difference of the other two). Immutable.
 */
public record BudgetStatus(String population, BudgetPeriod period, Rho cap, Rho spent, Rho remaining, double delta,
                           String setBy, Instant setAt) {
    public BudgetStatus {
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(remaining, "remaining");
    }

    public double epsilonCap() {
        return epsilon(cap);
    }

    public double epsilonSpent() {
        return epsilon(spent);
    }

    public double epsilonRemaining() {
        return epsilon(remaining);
    }

    private double epsilon(Rho rho) {
        return rho.value().isZero() ? 0 : rho.epsilonAt(delta);
    }
}
