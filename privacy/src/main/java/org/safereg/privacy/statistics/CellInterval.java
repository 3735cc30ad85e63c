package org.safereg.privacy.statistics;

import java.util.Objects;

/**
 * What the {@link SuppressionAudit} established about one withheld cell: the range of values an attacker
 * cannot rule out from everything published, and whether that is protection enough. Holds the cell's true
 * value, so it is for the disclosure-control officer and the release register, never for the recipient.
 * Immutable.
 *
 * @param value the true count
 * @param lower smallest value shown (see {@code bounds} for what is proven about it)
 * @param upper largest value shown, {@link #UNBOUNDED} if no published equation limits the cell
 * @param bounds what {@code lower} and {@code upper} mean
 * @param protectedEnough whether the audit proved the cell meets its rule (see {@link SuppressionAudit})
 */
public record CellInterval(TableCell cell, SuppressionReason reason, long value, long lower, long upper,
        Bounds bounds, boolean protectedEnough) {
    /** Marks an upper bound that no published equation limits. */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    /** What is proven about an interval's ends. */
    public enum Bounds {
        /**
         * The range of the cell over the linear relaxation: every non-negative <em>real-valued</em> table
         * consistent with the release, ends rounded inwards to integers. The range over integer tables (what
         * an attacker can really rule out) lies within it and may be narrower; a known cell (alone in an
         * equation, or published by an earlier release) is reported as {@code [v, v]}.
         */
        RELAXATION,
        /**
         * Not re-proved by this audit: a cell withheld because an earlier release withheld it, in a release that
         * publishes no cell the earlier releases of the population did not already publish. A reader learns
         * nothing new, so the cell keeps what the earlier releases' audits established; {@code [lower, upper]} is
         * only what this audit found.
         */
        EARLIER_RELEASE,
        /**
         * Both ends are attained by tables consistent with the release, so the attacker's range contains
         * {@code [lower, upper]} (it may be wider): what proves a cell protected.
         */
        ATTAINED,
        /**
         * Every table consistent with the release keeps the cell within {@code [lower, upper]} (the true range
         * may be narrower): what proves a cell under-protected.
         */
        ENCLOSING
    }

    public CellInterval {
        Objects.requireNonNull(cell);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(bounds);
        if (lower > value || upper < value) {
            throw new IllegalArgumentException("an interval contains the true value");
        }
    }

    /** Width of the interval, {@link #UNBOUNDED} if unbounded. */
    public long width() {
        return upper == UNBOUNDED ? UNBOUNDED : upper - lower;
    }
}
