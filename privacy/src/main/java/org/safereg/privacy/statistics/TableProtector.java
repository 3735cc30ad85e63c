package org.safereg.privacy.statistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Protects a count table by cell suppression: primary suppression (small counts and group disclosure, see
 * {@link SuppressionRules}); secondary suppression over every margin and hierarchy level, by moves that prove
 * every withheld cell's range of {@code +/- k}; then the {@link SuppressionAudit}, protecting again each cell it
 * finds under-protected and auditing again until the audit passes (cells that passed keep their proof, as
 * withholding more only widens ranges). Each repair round gives every failed cell a fresh witness that the
 * audit then checks, so one round normally suffices; protection fails with a {@link TableProtectionException}
 * rather than release anything unproven after {@value #MAX_ROUNDS} rounds, or as soon as a round withholds no
 * new cell and leaves the same cells failing (the greedy search does not revisit its choices: a cell it cannot
 * widen, typically pinned by a cell an earlier release published, stays failing). Earlier releases of the same
 * population are taken into account through {@link PriorReleases}.
 *
 * <p>Stateless and thread-safe. Cost: O(dimensions &times; cells) for the table's equations and primary
 * suppression, one bounded search per withheld cell not already proven by an earlier move for secondary
 * suppression and per withheld cell for the audit (plus linear programs for cells the searches leave unproven,
 * which patterns made here rarely have). Measured (TableReleaseBenchmark in this module's tests, 2 vCPU): a 4-way
 * table of 23,868 cells (200 admin2 under 20 admin1 &times; sex &times; 5 age bands &times; 5 population
 * categories, all with totals) from 1,000,000 persons protects with k = 5 in 1.1-1.7 s cold, 0.7-1.0 s warm, audit
 * included, with no cell reaching the linear programs (see docs/benchmarks.md, section 5).
 */
public final class TableProtector {
    /** Repair rounds after which protection gives up (every round proves each failed cell afresh). */
    static final int MAX_ROUNDS = 20;

    private final SuppressionRules rules;
    private final SuppressionAudit audit;

    public TableProtector(SuppressionRules rules) {
        this.rules = Objects.requireNonNull(rules);
        this.audit = new SuppressionAudit(rules);
    }

    public SuppressionRules rules() {
        return rules;
    }

    /** The audited suppression pattern to release this table with, as the first release of its population. */
    public ProtectedTable protect(CountTable table) {
        return protect(table, PriorReleases.NONE);
    }

    /**
     * The audited suppression pattern to release this table with, given what earlier releases of the same
     * population published and withheld (see {@link PriorReleases}).
     *
     * @throws TableProtectionException if no pattern passing the audit was found: nothing may be released
     * @throws IllegalArgumentException if a prior cell is not a cell of this table
     */
    public ProtectedTable protect(CountTable table, PriorReleases prior) {
        Objects.requireNonNull(prior);
        try {
            return protectOrFail(table, prior);
        } catch (IllegalStateException | ArithmeticException e) {
            // commons-math's linear-programming failures are IllegalStateExceptions
            throw new TableProtectionException("the suppression audit could not be completed", e);
        }
    }

    private ProtectedTable protectOrFail(CountTable table, PriorReleases prior) {
        long start = System.nanoTime();
        boolean[] known = SuppressionAudit.known(table, prior);
        SuppressionPattern primary = PrimarySuppression.apply(table, rules, prior);
        for (int i = 0; i < known.length; i++) {
            if (known[i] && primary.withheld(i)) {
                throw new TableProtectionException("a cell published by an earlier release is sensitive in this table");
            }
        }
        Moves moves = new Moves(table);
        SecondarySuppression secondary = new SecondarySuppression(primary, moves, rules, known);
        secondary.protectAll();
        SuppressionPattern pattern = secondary.pattern();
        long suppression = System.nanoTime() - start;
        long auditStart = System.nanoTime();
        AuditReport report = audit.audit(pattern, moves, null, secondary.witnesses(), known);
        long auditing = System.nanoTime() - auditStart;
        int rounds = 0;
        while (!report.passed()) {
            if (repeatsEarlierReleases(pattern, known, report)) {
                report = coveredByEarlierReleases(report);
                break;
            }
            if (++rounds > MAX_ROUNDS) {
                throw new TableProtectionException("suppression did not pass its audit in " + MAX_ROUNDS + " rounds");
            }
            long widenStart = System.nanoTime();
            List<Integer> underProtected = new ArrayList<>();
            for (CellInterval failure : report.failures()) {
                underProtected.add(table.index(failure.cell()));
            }
            int withheldBefore = pattern.suppressedCells().size();
            secondary.widen(underProtected);
            pattern = secondary.pattern();
            long reauditStart = System.nanoTime();
            suppression += reauditStart - widenStart;
            AuditReport previous = report;
            report = audit.audit(pattern, moves, previous, secondary.witnesses(), known);
            auditing += System.nanoTime() - reauditStart;
            if (pattern.suppressedCells().size() == withheldBefore && failing(report).equals(failing(previous))) {
                throw new TableProtectionException("suppression cannot widen the cells that fail its audit");
            }
        }
        return new ProtectedTable(pattern, report,
                new ProtectionTimings(Duration.ofNanos(suppression), Duration.ofNanos(auditing), rounds));
    }

    private static Set<TableCell> failing(AuditReport report) {
        Set<TableCell> cells = new HashSet<>();
        report.failures().forEach(f -> cells.add(f.cell()));
        return cells;
    }

    /**
     * Whether the pattern publishes no cell that earlier releases did not already publish and the audit fails only
     * on cells withheld because an earlier release withheld them: the release then adds nothing to what a reader
     * knows, and those cells keep the protection the earlier releases' own audits established (this audit cannot
     * always re-find their witnesses, which were built from the earlier tables' own moves).
     */
    private static boolean repeatsEarlierReleases(SuppressionPattern pattern, boolean[] known, AuditReport report) {
        for (int i = 0; i < known.length; i++) {
            if (!known[i] && !pattern.withheld(i)) {
                return false;
            }
        }
        return report.failures().stream().allMatch(f -> f.reason() == SuppressionReason.PRIOR_RELEASE);
    }

    private static AuditReport coveredByEarlierReleases(AuditReport report) {
        List<CellInterval> intervals = new ArrayList<>(report.intervals().size());
        for (CellInterval i : report.intervals()) {
            intervals.add(i.protectedEnough() ? i
                    : new CellInterval(i.cell(), i.reason(), i.value(), i.lower(), i.upper(),
                            CellInterval.Bounds.EARLIER_RELEASE, true));
        }
        return new AuditReport(report.k(), intervals, report.cellsByLinearProgram());
    }
}
