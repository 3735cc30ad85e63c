package org.safereg.privacy.statistics;

import java.time.Duration;
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
        long t0 = System.nanoTime();
        SuppressionPattern pattern = SecondarySuppression.apply(PrimarySuppression.apply(table, rules), rules.k());
        long suppression = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        AuditReport report = audit.audit(pattern);
        long auditing = System.nanoTime() - t1;
        int rounds = 0;
        while (!report.passed()) {
            rounds++;
            long t2 = System.nanoTime();
            List<Integer> underProtected = new ArrayList<>();
            for (CellInterval failure : report.failures()) {
                underProtected.add(table.index(failure.cell()));
            }
            pattern = SecondarySuppression.widen(pattern, underProtected, rules.k());
            long t3 = System.nanoTime();
            suppression += t3 - t2;
            report = audit.audit(pattern);
            auditing += System.nanoTime() - t3;
        }
        return new ProtectedTable(pattern, report,
                new ProtectionTimings(Duration.ofNanos(suppression), Duration.ofNanos(auditing), rounds));
    }
}
