package org.safereg.keys;

/**
 * Category of personal data. Each subject has one data key per category, so access to (and erasure of)
 * biometrics can be handled apart from demographics.
 */
public enum DataCategory {
    DEMOGRAPHIC,
    BIOMETRIC
}
