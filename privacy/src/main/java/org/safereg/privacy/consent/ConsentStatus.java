package org.safereg.privacy.consent;

/** A subject's answer for one purpose of a consent record. */
public enum ConsentStatus {
    GIVEN,
    REFUSED,
    /** Given earlier and withdrawn: effective immediately for all future processing. */
    WITHDRAWN
}
