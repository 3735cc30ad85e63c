package org.safereg.privacy.statistics.extract;

import java.util.Objects;

/**
 * The disclosure-risk report of one extract, in the style of sdcMicro: risk before treatment, risk after,
 * and the information treatment cost. Contains counts only, never record values.
 *
 * @param k the class size enforced ({@link ExtractRules#effectiveK()})
 * @param limits the limits the treatment was checked against
 * @param before risk of the input as given
 * @param after risk of the published records
 * @param loss information removed
 * @param levelCombinationsEvaluated how many generalisation-level combinations the search evaluated (the
 *     others were pruned because their generalisation alone already lost more than the best treatment)
 */
public record RiskReport(int k, RiskLimits limits, RiskProfile before, RiskProfile after, InformationLoss loss,
                         int levelCombinationsEvaluated) {
    public RiskReport {
        Objects.requireNonNull(limits);
        Objects.requireNonNull(before);
        Objects.requireNonNull(after);
        Objects.requireNonNull(loss);
    }
}
