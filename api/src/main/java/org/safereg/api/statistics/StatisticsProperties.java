package org.safereg.api.statistics;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.safereg.privacy.statistics.ProtectionProfile;
import org.safereg.registration.statistics.IntegerBands;
import org.safereg.registration.statistics.StatisticsSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Statistical release settings under {@code registry.statistics} (environment {@code REGISTRY_STATISTICS_*};
 * docs/statistics.md explains each). Bound and validated at start-up; an invalid value stops the server naming the
 * property. Immutable.
 *
 * @param ageBands age bands, contiguous from 0, the last open: {@code 0-4,5-11,12-17,18-59,60+}
 * @param householdSizeBands household-size bands, contiguous from 1, the last open: {@code 1,2-3,4-6,7+}
 * @param publicK the PUBLIC profile's k (open publication): threshold of primary suppression and of the LP audit
 * @param publicGeographyFloor the finest administrative level a PUBLIC table may show
 * @param agreementK the AGREEMENT profile's k (a recipient under an agreement)
 * @param agreementGeographyFloor the finest administrative level an AGREEMENT table may show
 * @param groupDisclosureShare a category of a sensitive dimension holding at least this share of a row is
 *     withheld; in (0.5, 1]
 * @param delta the delta at which a zCDP loss is reported as epsilon; in (0, 1)
 */
@ConfigurationProperties("registry.statistics")
@Validated
public record StatisticsProperties(
        @DefaultValue(StatisticsSettings.DEFAULT_AGE_BANDS) @NotBlank String ageBands,
        @DefaultValue(StatisticsSettings.DEFAULT_HOUSEHOLD_SIZE_BANDS) @NotBlank String householdSizeBands,
        @DefaultValue("5") @Min(2) @Max(1000) int publicK,
        @DefaultValue("ADMIN1") @NotNull GeographyFloor publicGeographyFloor,
        @DefaultValue("3") @Min(2) @Max(1000) int agreementK,
        @DefaultValue("ADMIN2") @NotNull GeographyFloor agreementGeographyFloor,
        @DefaultValue("0.9") @DecimalMin(value = "0.5", inclusive = false) @DecimalMax("1") double groupDisclosureShare,
        @DefaultValue("1e-6") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
        double delta) {

    /** The finest administrative level a profile's tables may show. */
    public enum GeographyFloor { ADMIN1, ADMIN2 }

    /**
     * The core's settings.
     *
     * @throws IllegalArgumentException malformed bands
     */
    public StatisticsSettings toSettings() {
        return new StatisticsSettings(IntegerBands.parse(ageBands, 0), IntegerBands.parse(householdSizeBands, 1),
                Map.of(ProtectionProfile.PUBLIC, profile(publicK, publicGeographyFloor),
                        ProtectionProfile.AGREEMENT, profile(agreementK, agreementGeographyFloor)),
                groupDisclosureShare, delta);
    }

    private static StatisticsSettings.ProfileSettings profile(int k, GeographyFloor floor) {
        return new StatisticsSettings.ProfileSettings(k, floor == GeographyFloor.ADMIN1 ? 1 : 2);
    }
}
