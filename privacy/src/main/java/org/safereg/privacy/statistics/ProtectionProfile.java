package org.safereg.privacy.statistics;

/**
 * How strongly a release is protected, by audience: {@link #PUBLIC} for open publication, {@link #AGREEMENT}
 * for a recipient bound by an active data-sharing agreement. The threshold {@code k} and the geography floor of
 * each profile are configuration of the release service, not of this module.
 */
public enum ProtectionProfile {
    /** Open publication. */
    PUBLIC,
    /** Release under a data-sharing agreement. */
    AGREEMENT
}
