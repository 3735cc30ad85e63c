package org.safereg.privacy.audit;

/** Result of the audited operation. */
public enum AuditOutcome {
    SUCCESS,
    DENIED,
    NOT_FOUND,
    FAILED
}
