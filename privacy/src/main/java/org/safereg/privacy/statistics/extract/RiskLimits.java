package org.safereg.privacy.statistics.extract;

/**
 * The most re-identification risk an extract may carry after treatment. Risks are those of
 * {@link RiskProfile}: a record's individual risk is {@code 1 / (size of its equivalence class)}, the expected
 * number of re-identifications is their sum.
 *
 * @param maxIndividualRisk no record may have a higher individual risk; it raises the anonymiser's {@code k}
 *     to {@code ceil(1 / maxIndividualRisk)} when that is larger (0.2 means classes of at least 5)
 * @param maxExpectedReidentificationShare the expected re-identifications divided by the number of records
 *     (equal to the number of equivalence classes over the number of records) may not exceed this; the
 *     anonymiser only accepts treatments that meet it and refuses when none in its search space does
 */
public record RiskLimits(double maxIndividualRisk, double maxExpectedReidentificationShare) {
    public RiskLimits {
        if (!(maxIndividualRisk > 0 && maxIndividualRisk <= 1)) {
            throw new IllegalArgumentException("maximum individual risk must be in (0, 1]");
        }
        if (!(maxExpectedReidentificationShare > 0 && maxExpectedReidentificationShare <= 1)) {
            throw new IllegalArgumentException("maximum expected re-identification share must be in (0, 1]");
        }
    }

    /** The smallest equivalence class these limits allow. */
    public int minClassSize() {
        return (int) Math.ceil(1 / maxIndividualRisk - 1e-9);
    }
}
