package org.safereg.privacy.statistics;

import java.util.Set;

/**
 * What earlier releases of the same population made known or withheld, mapped onto this table's cells (by the
 * caller: a cell of an earlier table that is also a cell of this one, for example an admin1 total published by
 * a one-way admin1 table). Tables audited alone can be recombined by a reader who holds both:
 * <ul>
 *   <li>cells in {@link #withheld()} are withheld again ({@link SuppressionReason#PRIOR_RELEASE}, unless sensitive
 *       in this table for their own sake) and held to {@code +/- k} like every withheld cell, so a later table
 *       never publishes what an earlier one withheld;
 *   <li>cells in {@link #published()} are known to the reader: they are never chosen as complements, and the
 *       audit treats them as published constants even if this table withholds them for its own reasons.
 * </ul>
 * This keeps releases consistent; it is not a joint audit of all releases (each release's audit sees the earlier
 * ones only through these two sets). Immutable.
 */
public record PriorReleases(Set<TableCell> published, Set<TableCell> withheld) {
    /** No earlier release. */
    public static final PriorReleases NONE = new PriorReleases(Set.of(), Set.of());

    public PriorReleases {
        published = Set.copyOf(published);
        withheld = Set.copyOf(withheld);
        for (TableCell cell : withheld) {
            if (published.contains(cell)) {
                throw new IllegalArgumentException("a cell cannot be both published and withheld before");
            }
        }
    }
}
