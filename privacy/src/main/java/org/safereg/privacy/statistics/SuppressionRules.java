package org.safereg.privacy.statistics;

/**
 * Parameters of cell suppression.
 *
 * @param k threshold: a cell with {@code 0 < n < k} is primary-suppressed, and the audit requires it to be
 *     uncertain by at least {@code k} either way (see {@link SuppressionAudit})
 * @param groupDisclosureShare a row of a sensitive dimension whose largest category holds at least this
 *     share of the row total (and at least one person) discloses that category for nearly everyone in it;
 *     the dominant cell is then suppressed, and the audit requires a table consistent with the release in
 *     which it holds less than this share. {@code 1.0} catches only "all"; lower values catch "nearly all".
 */
public record SuppressionRules(int k, double groupDisclosureShare) {
    /** The default group-disclosure share: a category holding 90% or more of a row. */
    public static final double DEFAULT_GROUP_DISCLOSURE_SHARE = 0.9;

    public SuppressionRules {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2");
        }
        if (!(groupDisclosureShare > 0.5 && groupDisclosureShare <= 1.0)) {
            throw new IllegalArgumentException("group-disclosure share must be in (0.5, 1]");
        }
    }
}
