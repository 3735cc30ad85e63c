package org.safereg.privacy.statistics;

/** The rules the tests protect with: the shipped defaults of each profile (k = 5 public, 3 under agreement). */
final class Profiles {
    private Profiles() {}

    static SuppressionRules rules(ProtectionProfile profile) {
        return new SuppressionRules(profile == ProtectionProfile.PUBLIC ? 5 : 3,
                SuppressionRules.DEFAULT_GROUP_DISCLOSURE_SHARE);
    }
}
