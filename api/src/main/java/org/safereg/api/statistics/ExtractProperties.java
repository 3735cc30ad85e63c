package org.safereg.api.statistics;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.safereg.registration.statistics.ExtractSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Microdata extract settings under {@code registry.statistics.extracts} (environment
 * {@code REGISTRY_STATISTICS_EXTRACTS_*}; docs/statistics.md explains each). Bound and validated at start-up.
 *
 * @param k every combination of published field values is shared by at least k records (default 5)
 * @param maxIndividualRisk highest individual re-identification risk {@code 1/class size} allowed (default 0.2);
 *     raises k when it asks for more
 * @param maxExpectedReidentificationShare expected re-identifications over records allowed (default 0.1); an
 *     extract that cannot meet it is refused
 * @param maxLevelCombinations bound of the anonymiser's search over generalisation levels (default 4096)
 */
@ConfigurationProperties("registry.statistics.extracts")
@Validated
public record ExtractProperties(
        @DefaultValue("5") @Min(2) @Max(1000) int k,
        @DefaultValue("0.2") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double maxIndividualRisk,
        @DefaultValue("0.1") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
        double maxExpectedReidentificationShare,
        @DefaultValue("4096") @Min(1) @Max(1_000_000) int maxLevelCombinations) {

    /** The core's settings. */
    public ExtractSettings toSettings() {
        return new ExtractSettings(k, maxIndividualRisk, maxExpectedReidentificationShare, maxLevelCombinations);
    }
}
