package org.safereg.registration.biometrics;

/** State of an adjudication case. */
public enum CaseStatus {
    /** Waiting for an adjudicator. */
    OPEN,
    /** Decided DUPLICATE or DISTINCT. */
    DECIDED,
    /** The new registration was erased before a decision. */
    WITHDRAWN
}
