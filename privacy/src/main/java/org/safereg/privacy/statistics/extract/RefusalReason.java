package org.safereg.privacy.statistics.extract;

/** Why an extract was refused; the names are stable (they appear in problem responses and the audit trail). */
public enum RefusalReason {
    /** There are records, but fewer than the effective {@code k}: no treatment can hide them. */
    TOO_FEW_RECORDS,
    /**
     * Every k-anonymous treatment in the search space leaves more expected re-identifications than
     * {@link RiskLimits#maxExpectedReidentificationShare()} allows.
     */
    EXPECTED_REIDENTIFICATIONS_ABOVE_LIMIT
}
