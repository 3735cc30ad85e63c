package org.safereg.registration.biometrics;

/** An adjudicator's decision on a possible duplicate. */
public enum AdjudicationDecision {
    /** The new registration is the same person as an existing one: it is linked to it and never becomes active. */
    DUPLICATE,
    /** The new registration is a different person: it becomes active. */
    DISTINCT
}
