package org.safereg.privacy.statistics;

/**
 * Protects a count table by cell suppression: primary suppression (small counts and group disclosure),
 * then secondary suppression over every margin and hierarchy level until no withheld cell is recomputable
 * by subtraction. Check the result with {@link SuppressionAudit} before releasing it.
 *
 * <p>Stateless and thread-safe. Cost: O(cells) for primary suppression plus O(passes &times; cells &times;
 * equation length) for secondary suppression; passes are few in practice (each adds at least one cell).
 */
public final class TableProtector {
    private final SuppressionRules rules;

    public TableProtector(SuppressionRules rules) {
        this.rules = rules;
    }

    public SuppressionRules rules() {
        return rules;
    }

    /** The suppression pattern to release this table with. */
    public SuppressionPattern protect(CountTable table) {
        return SecondarySuppression.apply(PrimarySuppression.apply(table, rules), rules.k());
    }
}
