package org.safereg.privacy.statistics;

/** Why a cell is withheld from a release. */
public enum SuppressionReason {
    /** Primary: {@code 0 < n < k}. */
    SMALL_COUNT,
    /** Primary: one category of a sensitive dimension holds all or nearly all of a row. */
    GROUP_DISCLOSURE,
    /**
     * Withheld because an earlier release of the same population withheld it (see {@link PriorReleases}) and not
     * sensitive in this table's counts: protected like a complementary cell (it must not be recomputable), which is
     * what the earlier release guaranteed for its complements; a cell that is sensitive now has its own reason.
     */
    PRIOR_RELEASE,
    /** Secondary: withheld so that a primary cell cannot be recomputed from the margins. */
    COMPLEMENTARY;

    /** Whether the cell is sensitive in itself (withheld for its own sake, not to protect another cell). */
    public boolean primary() {
        return this == SMALL_COUNT || this == GROUP_DISCLOSURE;
    }

    /**
     * Whether the audit requires {@code +/- k} around the cell's true value: small counts. A group-disclosure cell is held to its share instead (see {@link SuppressionAudit}): its count is
     * not small, what it discloses is that nearly everyone in its line has the category.
     */
    public boolean needsPlusMinusK() {
        return this == SMALL_COUNT;
    }
}
