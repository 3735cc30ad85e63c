package org.safereg.privacy.statistics;

/** Why a cell is withheld from a release. */
public enum SuppressionReason {
    /** Primary: {@code 0 < n < k}. */
    SMALL_COUNT,
    /** Primary: one category of a sensitive dimension holds all or nearly all of a row. */
    GROUP_DISCLOSURE,
    /**
     * Withheld because an earlier release of the same population withheld it (see {@link PriorReleases}) and not
     * sensitive in this table's counts; held to {@code +/- k} like every withheld cell. A cell that is sensitive
     * now has its own reason.
     */
    PRIOR_RELEASE,
    /** Secondary: withheld so that a primary cell cannot be recomputed or narrowed from the margins. */
    COMPLEMENTARY;

    /** Whether the cell is sensitive in itself (withheld for its own sake, not to protect another cell). */
    public boolean primary() {
        return this == SMALL_COUNT || this == GROUP_DISCLOSURE;
    }
}
