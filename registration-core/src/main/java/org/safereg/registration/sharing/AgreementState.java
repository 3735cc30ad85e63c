package org.safereg.registration.sharing;

/** Where an agreement stands at a given time. Only an ACTIVE agreement allows transfers. */
public enum AgreementState {
    /** Signed, not yet in force (before valid-from). */
    PENDING,
    /** In force. */
    ACTIVE,
    /** Its validity ended. */
    EXPIRED,
    /** Revoked by the data protection officer. */
    REVOKED
}
