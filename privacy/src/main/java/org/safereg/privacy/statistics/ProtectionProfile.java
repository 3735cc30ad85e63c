package org.safereg.privacy.statistics;

/**
 * How strongly a release is protected, by audience: {@link #PUBLIC} for open publication, {@link #AGREEMENT}
 * for a recipient bound by an active data-sharing agreement. Sets the default threshold {@code k}.
 */
public enum ProtectionProfile {
    /** Open publication: cells below 5 are suppressed. */
    PUBLIC(5),
    /** Release under a data-sharing agreement: cells below 3 are suppressed. */
    AGREEMENT(3);

    private final int defaultK;

    ProtectionProfile(int defaultK) {
        this.defaultK = defaultK;
    }

    public int defaultK() {
        return defaultK;
    }
}
