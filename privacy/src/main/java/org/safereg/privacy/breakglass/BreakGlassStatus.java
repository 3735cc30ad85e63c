package org.safereg.privacy.breakglass;

/** Where a break-glass request stands. A request is decided once: PENDING becomes APPROVED or REJECTED. */
public enum BreakGlassStatus {
    /** Waiting for a second user to approve or reject it. */
    PENDING,
    /** Approved: a {@link BreakGlassGrant} runs until its expiry and awaits the data protection officer's review. */
    APPROVED,
    /** Rejected by a second user: no access was granted. */
    REJECTED
}
