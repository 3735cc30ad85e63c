package org.safereg.privacy;

/** Separate pseudonym domains, so an audit pseudonym cannot be joined to a statistical one. */
public enum PseudonymDomain {
    AUDIT,
    STATISTICS
}
