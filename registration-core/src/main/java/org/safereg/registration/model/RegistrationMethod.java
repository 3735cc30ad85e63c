package org.safereg.registration.model;

/**
 * How the individual was registered; decides which fields are required (see {@link IndividualValidator}).
 */
public enum RegistrationMethod {
    /** Minimal dataset in an emergency: a name, population category and location. */
    RAPID_EMERGENCY,
    /** Full individual registration: given and family name, sex, birth, nationality, category, location. */
    FULL,
    /** Full registration with biometrics captured (same required demographic fields as FULL). */
    BIOMETRIC
}
