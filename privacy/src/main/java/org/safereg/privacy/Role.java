package org.safereg.privacy;

/** Roles of the people who use the server. */
public enum Role {
    REGISTRATION_OFFICER,
    PROTECTION_OFFICER,
    STATISTICIAN,
    DATA_PROTECTION_OFFICER,
    ADMIN,
    /**
     * Decides biometric adjudication cases (possible duplicates found at enrolment) and is the only role that
     * may see the fingerprint images of a case. Kept apart from REGISTRATION_OFFICER so that the officer who
     * captured a registration does not decide on it.
     */
    ADJUDICATOR
}
