package org.safereg.privacy.statistics;

/**
 * What an attacker can infer about one withheld cell from everything published: every integer table
 * consistent with the published cells and margins puts the cell within {@code [lower, upper]}. Holds the
 * cell's true value, so it is for the disclosure-control officer and the release register, never for the
 * recipient. Immutable.
 *
 * @param lower smallest value consistent with the release
 * @param upper largest value consistent with the release, {@link #UNBOUNDED} if none
 * @param protectedEnough whether the cell met the audit rule (see {@link SuppressionAudit})
 */
public record CellInterval(TableCell cell, SuppressionReason reason, long value, long lower, long upper,
        boolean protectedEnough) {
    /** Marks an upper bound that no published equation limits. */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    /** Width of the interval, {@link #UNBOUNDED} if unbounded. */
    public long width() {
        return upper == UNBOUNDED ? UNBOUNDED : upper - lower;
    }
}
