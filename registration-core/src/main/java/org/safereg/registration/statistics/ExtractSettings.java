package org.safereg.registration.statistics;

import org.safereg.privacy.statistics.extract.ExtractRules;
import org.safereg.privacy.statistics.extract.RiskLimits;

/**
 * Configuration of microdata extracts: the {@code k} every combination of published field values must reach, the
 * risk limits after treatment (see {@link RiskLimits}) and the bound of the anonymiser's search. Immutable.
 *
 * @param k at least 2
 * @param maxIndividualRisk in (0, 1]; raises {@code k} to {@code ceil(1 / maxIndividualRisk)} if that is larger
 * @param maxExpectedReidentificationShare in (0, 1]: expected re-identifications over records (equivalence classes
 *     over records); an extract that cannot meet it is refused
 * @param maxLevelCombinations bound on the generalisation levels searched
 */
public record ExtractSettings(int k, double maxIndividualRisk, double maxExpectedReidentificationShare,
                              int maxLevelCombinations) {
    /** Default k of extracts (microdata carry more risk than tables: the PUBLIC table threshold). */
    public static final int DEFAULT_K = 5;
    /** Default maximum individual risk: {@code 1 / DEFAULT_K}. */
    public static final double DEFAULT_MAX_INDIVIDUAL_RISK = 0.2;
    /** Default maximum expected re-identification share: one class per ten records on average. */
    public static final double DEFAULT_MAX_EXPECTED_REIDENTIFICATION_SHARE = 0.1;

    public ExtractSettings {
        rules(k, maxIndividualRisk, maxExpectedReidentificationShare, maxLevelCombinations);
    }

    /** The defaults: k 5, individual risk 0.2, expected re-identifications 10% of records, search bound 4096. */
    public static ExtractSettings defaults() {
        return new ExtractSettings(DEFAULT_K, DEFAULT_MAX_INDIVIDUAL_RISK, DEFAULT_MAX_EXPECTED_REIDENTIFICATION_SHARE,
                ExtractRules.DEFAULT_MAX_LEVEL_COMBINATIONS);
    }

    /** The anonymiser's rules. */
    public ExtractRules rules() {
        return rules(k, maxIndividualRisk, maxExpectedReidentificationShare, maxLevelCombinations);
    }

    private static ExtractRules rules(int k, double risk, double share, int combinations) {
        return new ExtractRules(k, new RiskLimits(risk, share), combinations);
    }
}
