package org.safereg.privacy.statistics;

/**
 * A suppression pattern together with the LP audit it passed: what a release is built from (the pattern
 * says what to withhold, the report's intervals and counts go into the release register). Immutable and
 * thread-safe.
 */
public record ProtectedTable(SuppressionPattern pattern, AuditReport audit) {
    public ProtectedTable {
        if (!audit.passed()) {
            throw new IllegalArgumentException("a protected table must have passed its audit");
        }
    }
}
