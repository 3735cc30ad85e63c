package org.safereg.registration.statistics;

/** What a registered statistical release is. */
public enum ReleaseKind {
    /** An aggregate count table under disclosure control or differential privacy. */
    TABLE,
    /** A pseudonymised, k-anonymous microdata extract for a recipient under an agreement. */
    EXTRACT
}
