package org.safereg.privacy.statistics;

import java.util.Objects;

/**
 * A suppression pattern together with the audit it passed: what a release is built from (the pattern says
 * what to withhold; the report's intervals and the pattern's counts go into the release register). Immutable
 * and thread-safe.
 */
public record ProtectedTable(SuppressionPattern pattern, AuditReport audit, ProtectionTimings timings) {
    public ProtectedTable {
        Objects.requireNonNull(pattern);
        Objects.requireNonNull(timings);
        if (!audit.passed()) {
            throw new IllegalArgumentException("a protected table must have passed its audit");
        }
    }
}
