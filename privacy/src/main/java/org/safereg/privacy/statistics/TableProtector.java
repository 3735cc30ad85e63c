package org.safereg.privacy.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * Protects a count table by cell suppression: primary suppression (small counts and group disclosure);
 * secondary suppression over every margin and hierarchy level until no withheld cell is recomputable by
 * subtraction; then the {@link SuppressionAudit}, adding a complement next to each under-protected cell and
 * auditing again until the audit passes. Always terminates: every round withholds at least one more cell,
 * and a table with everything withheld passes.
 *
 * <p>Stateless and thread-safe. Cost: O(cells) for primary suppression, O(passes &times; cells &times;
 * equation length) for secondary suppression, and one LP audit per repair round, which dominates (see
 * {@link SuppressionAudit} for its cost).
 */
public final class TableProtector {
    private final SuppressionRules rules;
    private final SuppressionAudit audit;

    public TableProtector(SuppressionRules rules) {
        this.rules = rules;
        this.audit = new SuppressionAudit(rules.k());
    }

    public SuppressionRules rules() {
        return rules;
    }

    /** The audited suppression pattern to release this table with. */
    public ProtectedTable protect(CountTable table) {
        SuppressionPattern pattern = SecondarySuppression.apply(PrimarySuppression.apply(table, rules), rules.k());
        AuditReport report = audit.audit(pattern);
        while (!report.passed()) {
            List<Integer> underProtected = new ArrayList<>();
            for (CellInterval failure : report.failures()) {
                underProtected.add(table.cell(failure.cell()));
            }
            pattern = SecondarySuppression.widen(pattern, underProtected, rules.k());
            report = audit.audit(pattern);
        }
        return new ProtectedTable(pattern, report);
    }
}
