package org.safereg.registration.statistics;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.safereg.privacy.statistics.ProtectionProfile;
import org.safereg.privacy.statistics.SuppressionRules;

/**
 * Configuration of aggregate releases: the age bands (ages are those reached in the release's reference year),
 * the household-size bands, the threshold {@code k} and the geography floor of each {@link ProtectionProfile},
 * the group-disclosure share, and the {@code delta} at which a zCDP loss is reported as {@code epsilon}.
 * Immutable.
 *
 * @param profiles one entry per profile
 * @param groupDisclosureShare see {@link SuppressionRules#groupDisclosureShare()}
 * @param delta the {@code delta} of the {@code (epsilon, delta)} statement in manifests and budget reports, in (0, 1)
 */
public record StatisticsSettings(IntegerBands ageBands, IntegerBands householdSizeBands,
                                 Map<ProtectionProfile, ProfileSettings> profiles, double groupDisclosureShare,
                                 double delta) {
    /** Default age bands (humanitarian planning figures). */
    public static final String DEFAULT_AGE_BANDS = "0-4,5-11,12-17,18-59,60+";
    /** Default household-size bands. */
    public static final String DEFAULT_HOUSEHOLD_SIZE_BANDS = "1,2-3,4-6,7+";
    /** Default {@code delta} of reported {@code epsilon}. */
    public static final double DEFAULT_DELTA = 1e-6;

    /**
     * What a protection profile enforces.
     *
     * @param k cells with {@code 0 < n < k} are suppressed, and the audit demands {@code +/- k} around every
     *     withheld cell
     * @param geographyFloor the finest administrative level a table may show: 1 (admin1) or 2 (admin2)
     */
    public record ProfileSettings(int k, int geographyFloor) {
        public ProfileSettings {
            if (k < 2) {
                throw new IllegalArgumentException("k must be at least 2");
            }
            if (geographyFloor < 1 || geographyFloor > 2) {
                throw new IllegalArgumentException("the geography floor is admin level 1 or 2");
            }
        }
    }

    public StatisticsSettings {
        Objects.requireNonNull(ageBands, "ageBands");
        Objects.requireNonNull(householdSizeBands, "householdSizeBands");
        if (ageBands.bands().get(0).lower() != 0) {
            throw new IllegalArgumentException("age bands start at 0");
        }
        if (householdSizeBands.bands().get(0).lower() != 1) {
            throw new IllegalArgumentException("household-size bands start at 1");
        }
        Map<ProtectionProfile, ProfileSettings> all = new EnumMap<>(ProtectionProfile.class);
        for (ProtectionProfile p : ProtectionProfile.values()) {
            all.put(p, Objects.requireNonNull(profiles.get(p), () -> "settings of profile " + p));
        }
        profiles = Map.copyOf(all);
        if (!(groupDisclosureShare > 0.5 && groupDisclosureShare <= 1.0)) {
            throw new IllegalArgumentException("the group-disclosure share must be in (0.5, 1]");
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1)");
        }
    }

    /**
     * The defaults: bands {@value #DEFAULT_AGE_BANDS} and {@value #DEFAULT_HOUSEHOLD_SIZE_BANDS}; PUBLIC k = 5 with
     * admin1 as the finest geography, AGREEMENT k = 3 with admin2; group disclosure at 90%; delta 1e-6.
     */
    public static StatisticsSettings defaults() {
        return new StatisticsSettings(IntegerBands.parse(DEFAULT_AGE_BANDS, 0),
                IntegerBands.parse(DEFAULT_HOUSEHOLD_SIZE_BANDS, 1),
                Map.of(ProtectionProfile.PUBLIC, new ProfileSettings(5, 1),
                        ProtectionProfile.AGREEMENT, new ProfileSettings(3, 2)),
                SuppressionRules.DEFAULT_GROUP_DISCLOSURE_SHARE, DEFAULT_DELTA);
    }

    /** The settings of {@code profile}. */
    public ProfileSettings profile(ProtectionProfile profile) {
        return profiles.get(profile);
    }

    /** The suppression rules of {@code profile}. */
    SuppressionRules rules(ProtectionProfile profile) {
        return new SuppressionRules(profile(profile).k(), groupDisclosureShare);
    }
}
