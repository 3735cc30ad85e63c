package org.safereg.registration.statistics;

import java.util.Objects;
import org.safereg.registration.RegistrationException;

/**
 * A statistical release (or a budget change) refused by a rule of disclosure control or of the privacy budget.
 * Nothing was released and nothing was spent. The message is fixed text without personal data. API: the
 * {@link Reason}'s status and slug.
 */
public final class StatisticalReleaseRefusedException extends RegistrationException {
    /** Why, with a stable slug (problem type {@code urn:safereg:problem:<slug>}). */
    public enum Reason {
        /** The release would spend more than the budget left for its population and period. API 409. */
        BUDGET_EXCEEDED("budget-exceeded", "the release would exceed the privacy budget left for its population and period"),
        /** No budget cap is set for the population and period: no differentially private release (fail closed). API 409. */
        NO_BUDGET_CAP("no-budget-cap", "no privacy budget cap is set for this population and period"),
        /** The protection profile AGREEMENT needs a recipient (and its active agreement). API 422. */
        AGREEMENT_REQUIRED("agreement-required", "the AGREEMENT profile needs a recipient with an active data-sharing agreement"),
        /** A geography dimension finer than the profile's geography floor. API 422. */
        GEOGRAPHY_BELOW_FLOOR("geography-below-floor", "the table's geography is finer than the profile allows");

        private final String slug;
        private final String message;

        Reason(String slug, String message) {
            this.slug = slug;
            this.message = message;
        }

        /** Stable identifier of the problem type. */
        public String slug() {
            return slug;
        }
    }

    private final Reason reason;

    public StatisticalReleaseRefusedException(Reason reason) {
        super(Objects.requireNonNull(reason, "reason").message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
