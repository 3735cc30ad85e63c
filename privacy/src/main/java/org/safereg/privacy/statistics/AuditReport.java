package org.safereg.privacy.statistics;

import java.util.List;

/**
 * The outcome of a {@link SuppressionAudit}: one interval per withheld cell, in canonical cell order. A release
 * may go out only if {@link #passed()}. Immutable and thread-safe.
 *
 * @param k the threshold the audit applied
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
