package org.safereg.privacy.breakglass;

/** The data protection officer's finding on an approved break-glass grant, after the fact. */
public enum ReviewOutcome {
    /** Vital interest was at stake and the access stayed within the grant's purpose. */
    JUSTIFIED,
    /** The access was not justified: the data protection officer follows up (recorded, and audited). */
    NOT_JUSTIFIED
}
