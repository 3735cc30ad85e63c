package org.safereg.registration.statistics;

import java.util.Objects;
import org.safereg.registration.RegistrationException;

/**
 * A statistical release (or a budget change) refused by a rule of disclosure control or of the privacy budget.
 * Nothing was released and nothing was spent. The message is fixed text without personal data. API: a problem type
 * per {@link Reason}.
 */
public final class StatisticalReleaseRefusedException extends RegistrationException {
    /** Why (the API maps each reason to its problem type). */
    public enum Reason {
        /** The release would spend more than the budget left for its population and period. API 409. */
        BUDGET_EXCEEDED("the release would exceed the privacy budget left for its population and period"),
        /** No budget cap is set for the population and period: no differentially private release (fail closed). API 409. */
        NO_BUDGET_CAP("no privacy budget cap is set for this population and period"),
        /** The protection profile AGREEMENT needs a recipient (and its active agreement). API 422. */
        AGREEMENT_REQUIRED("the AGREEMENT profile needs a recipient with an active data-sharing agreement"),
        /** A geography dimension finer than the profile's geography floor. API 422. */
        GEOGRAPHY_BELOW_FLOOR("the table's geography is finer than the profile allows"),
        /**
         * No suppression pattern of the table passes the audit (with what earlier releases published and withheld):
         * nothing released, budget refunded. API 422.
         */
        AUDIT_FAILED("no suppression pattern of the table passes the disclosure audit"),
        /**
         * An extract for a recipient and epoch with other fields than the epoch's first extract: records of two
         * extracts of one epoch share pseudonyms, so joining them would combine their quasi-identifiers past what
         * either was made k-anonymous for. A new epoch is needed. API 409.
         */
        NEW_EPOCH_REQUIRED("an extract with other fields than the epoch's first extract needs a new epoch");

        private final String message;

        Reason(String message) {
            this.message = message;
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
