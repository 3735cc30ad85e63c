package org.safereg.privacy.statistics;

import java.util.List;

/**
 * The outcome of a {@link SuppressionAudit}: one interval per withheld cell, in canonical cell order. A release
 * may go out only if {@link #passed()}. Immutable and thread-safe.
 *
 * @param k the threshold the audit applied
 * @param cellsByLinearProgram how many withheld cells no witness proved, so that they reached the
 *     linear-programming stage (for the benchmark and the release register)
 */
public record AuditReport(int k, List<CellInterval> intervals, int cellsByLinearProgram) {
    public AuditReport {
        intervals = List.copyOf(intervals);
        if (cellsByLinearProgram < 0) {
            throw new IllegalArgumentException("a count of cells is not negative");
        }
    }

    /** A report whose cells were all proven without linear programming. */
    public AuditReport(int k, List<CellInterval> intervals) {
        this(k, intervals, 0);
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
