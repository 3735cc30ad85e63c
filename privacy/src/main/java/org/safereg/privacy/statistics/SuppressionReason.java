package org.safereg.privacy.statistics;

/** Why a cell is withheld from a release. */
public enum SuppressionReason {
    /** Primary: {@code 0 < n < k}. */
    SMALL_COUNT,
    /** Primary: one category of a sensitive dimension holds all or nearly all of a row. */
    GROUP_DISCLOSURE,
    /**
     * Withheld because an earlier release of the same population withheld it (see {@link PriorReleases});
     * protected like a primary cell.
     */
    PRIOR_RELEASE,
    /** Secondary: withheld so that a primary cell cannot be recomputed from the margins. */
    COMPLEMENTARY;

    /** Whether the cell is sensitive in itself (the audit's {@code +/- k} requirement applies). */
    public boolean primary() {
        return this != COMPLEMENTARY;
    }
}
