package org.safereg.privacy.statistics;

import java.util.List;

/**
 * The outcome of a {@link SuppressionAudit}: one interval per withheld cell, grouped by linked cells. A release may go out only if
 * {@link #passed()}. Immutable and thread-safe.
 */
public record AuditReport(int k, List<CellInterval> intervals) {
    public AuditReport {
        intervals = List.copyOf(intervals);
    }

    /** Whether every withheld cell is protected enough. */
    public boolean passed() {
        return intervals.stream().allMatch(CellInterval::protectedEnough);
    }

    /** The withheld cells that are not protected enough (empty when the audit passed). */
    public List<CellInterval> failures() {
        return intervals.stream().filter(i -> !i.protectedEnough()).toList();
    }
}
