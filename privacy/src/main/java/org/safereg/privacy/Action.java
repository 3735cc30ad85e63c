package org.safereg.privacy;

/** What a request does with personal data; recorded in the audit trail. */
public enum Action {
    ENROL,
    READ,
    UPDATE,
    READ_HISTORY,
    SEARCH,
    LIST,
    HOUSEHOLD_CHANGE,
    ERASE,
    AUDIT_VERIFY,
    /** Key management (KEK rotation, re-wrap, retirement) by the data protection officer. */
    KEY_MANAGEMENT
}
