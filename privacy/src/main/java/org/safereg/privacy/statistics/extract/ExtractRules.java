package org.safereg.privacy.statistics.extract;

import java.util.Objects;

/**
 * Parameters of {@link MicrodataAnonymiser}.
 *
 * @param k every combination of published quasi-identifier values must be shared by at least {@code k}
 *     records (raised by {@link RiskLimits#maxIndividualRisk()} if that asks for more)
 * @param limits risk the treated extract may carry at most
 * @param maxLevelCombinations bound on the search: the product over quasi-identifiers of their number of
 *     allowed levels may not exceed it (the anonymiser refuses to start otherwise)
 */
public record ExtractRules(int k, RiskLimits limits, int maxLevelCombinations) {
    /** The default search bound. */
    public static final int DEFAULT_MAX_LEVEL_COMBINATIONS = 4096;

    public ExtractRules {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2");
        }
        Objects.requireNonNull(limits, "limits");
        if (maxLevelCombinations < 1) {
            throw new IllegalArgumentException("the search needs at least one level combination");
        }
    }

    public static ExtractRules of(int k, RiskLimits limits) {
        return new ExtractRules(k, limits, DEFAULT_MAX_LEVEL_COMBINATIONS);
    }

    /** The class size actually enforced: {@code k} or what the individual-risk limit needs, whichever is larger. */
    public int effectiveK() {
        return Math.max(k, limits.minClassSize());
    }
}
