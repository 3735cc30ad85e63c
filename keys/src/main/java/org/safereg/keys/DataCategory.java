package org.safereg.keys;

/**
 * Category of personal data. Each subject has one data key per category, so access to (and erasure of)
 * biometrics can be handled apart from demographics.
 */
public enum DataCategory {
    DEMOGRAPHIC,
    BIOMETRIC,
    /** Protection case notes: more sensitive than demographics, read under a purpose of their own. */
    CASE_NOTES
}
