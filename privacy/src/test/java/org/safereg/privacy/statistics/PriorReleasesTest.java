package org.safereg.privacy.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tables of one population released one after the other must not be recombinable. */
class PriorReleasesTest {
    private static final SuppressionRules RULES = GroupDisclosureTest.RULES;
    private static final TableProtector PROTECTOR = new TableProtector(RULES);

    /** The same population as a one-way ADMIN1 table. */
    private static CountTable oneWay(CountTable twoWay) {
        CountTable.Builder b = CountTable.builder(List.of(GroupDisclosureTest.admin1()));
        for (String row : List.of("A", "B", "C")) {
            b.add(twoWay.count(TableCell.of(row, "TOTAL")), row);
        }
        return b.build();
    }

    @Test
    void aCellWithheldBeforeStaysWithheld() {
        // the reviewer's scenario: an ADMIN1 x NEED release withheld [A,TOTAL] = 40 (beside [A,YES] = 40)
        CountTable twoWay = GroupDisclosureTest.table(40, 0, 30, 25, 20, 22);
        CountTable second = oneWay(twoWay);
        // audited alone, A = 40 would be published, and [A,YES] = A - [A,NO] recomputed
        assertThat(PROTECTOR.protect(second).pattern().isSuppressed(TableCell.of("A"))).isFalse();

        ProtectedTable p = PROTECTOR.protect(second, new PriorReleases(Set.of(), Set.of(TableCell.of("A"))));
        assertThat(p.pattern().reason(TableCell.of("A"))).contains(SuppressionReason.PRIOR_RELEASE);
        // held to +/- k (k = 5) like every withheld cell
        double[] range = new ExactLp(p.pattern(), Set.of()).range(TableCell.of("A"));
        assertThat(range[0]).isLessThanOrEqualTo(35);
        assertThat(range[1]).isGreaterThanOrEqualTo(45);
        assertThat(p.audit().passed()).isTrue();
    }

    /** ADMIN1 x NEED (sensitive) with three categories, YES/NO/UNKNOWN counts of rows A, B, C. */
    private static CountTable threeNeeds(long[][] rows) {
        return Tables.table(GroupDisclosureTest.admin1(),
                Dimension.flat("need", "TOTAL", List.of("YES", "NO", "UNKNOWN")).asSensitive(), rows);
    }

    /** The admin1 totals, as a one-way table released first publishes them. */
    private static final Set<TableCell> ADMIN1_TOTALS = Set.of(TableCell.of("A", "TOTAL"), TableCell.of("B", "TOTAL"),
            TableCell.of("C", "TOTAL"), TableCell.of("TOTAL", "TOTAL"));

    @Test
    void aCellPublishedBeforeIsNeitherAComplementNorASecret() {
        // [A,YES] = 46 of 51 (group disclosure), [A,NO] = 2 and [A,UNKNOWN] = 3 small
        CountTable twoWay = threeNeeds(new long[][] {{46, 2, 3}, {30, 25, 14}, {20, 22, 9}});
        PriorReleases prior = new PriorReleases(ADMIN1_TOTALS, Set.of());
        ProtectedTable p = PROTECTOR.protect(twoWay, prior);
        for (TableCell cell : ADMIN1_TOTALS) {
            assertThat(p.pattern().isSuppressed(cell)).isFalse();
        }
        // the attacker holds the totals as constants: [A,YES] <= 51 is known, but not its value or share
        ExactLp lp = new ExactLp(p.pattern(), ADMIN1_TOTALS);
        for (TableCell cell : p.pattern().suppressedCells().keySet()) {
            double[] range = lp.range(cell);
            long v = twoWay.count(cell);
            assertThat(range[0]).as("lower of " + cell).isLessThanOrEqualTo(Math.max(0, v - RULES.k()));
            assertThat(range[1]).as("upper of " + cell).isGreaterThanOrEqualTo(v + RULES.k());
        }
        assertThat(GroupDisclosureTest.leastShareMargin(p.pattern(), ADMIN1_TOTALS)).isLessThan(0);
        assertThat(new SuppressionAudit(RULES).audit(p.pattern(), prior).passed()).isTrue();
    }

    @Test
    void aDominantCellPinnedByATotalPublishedBeforeIsRefused() {
        // everyone in A has the need and A's total (40) went out before: no pattern lets [A,YES] rise by k
        CountTable twoWay = GroupDisclosureTest.table(40, 0, 30, 25, 20, 22);
        assertThatThrownBy(() -> PROTECTOR.protect(twoWay, new PriorReleases(ADMIN1_TOTALS, Set.of())))
                .isInstanceOf(TableProtectionException.class);
    }

    @Test
    void theAuditCountsCellsPublishedBeforeAsConstants() {
        // protected alone, the table protects [A,YES] = 3 through A's total, which an earlier release published
        CountTable twoWay = GroupDisclosureTest.table(3, 30, 30, 25, 20, 22);
        SuppressionPattern pattern = PROTECTOR.protect(twoWay).pattern();
        assertThat(pattern.isSuppressed(TableCell.of("A", "TOTAL"))).isTrue();
        SuppressionAudit audit = new SuppressionAudit(RULES);
        assertThat(audit.audit(pattern).passed()).isTrue();
        PriorReleases prior = new PriorReleases(Set.of(TableCell.of("A", "TOTAL")), Set.of());
        assertThat(audit.audit(pattern, prior).passed()).isFalse();
    }

    @Test
    void aSensitiveCellAnEarlierReleasePublishedCannotBeProtected() {
        CountTable twoWay = GroupDisclosureTest.table(3, 30, 30, 25, 20, 22);
        PriorReleases prior = new PriorReleases(Set.of(TableCell.of("A", "YES")), Set.of());
        assertThatThrownBy(() -> PROTECTOR.protect(twoWay, prior)).isInstanceOf(TableProtectionException.class)
                .hasMessageNotContaining("3");
    }

    @Test
    void aCellCannotBeBothPublishedAndWithheldBefore() {
        assertThatThrownBy(() -> new PriorReleases(Set.of(TableCell.of("A")), Set.of(TableCell.of("A"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameTableCanBeReleasedAgainAtEitherProfileAndPublishesNothingNew() {
        CountTable table = new SyntheticPopulation(6, 5, 1.8, 5, 5, 2026).tally(20_000, 7);
        ProtectedTable first = new TableProtector(Profiles.rules(ProtectionProfile.PUBLIC)).protect(table);
        Set<TableCell> published = new HashSet<>(), withheld = new HashSet<>();
        for (TableCell cell : table.cells()) {
            (first.pattern().isSuppressed(cell) ? withheld : published).add(cell);
        }
        for (ProtectionProfile profile : ProtectionProfile.values()) {
            ProtectedTable again = new TableProtector(Profiles.rules(profile))
                    .protect(table, new PriorReleases(published, withheld));
            assertThat(again.audit().passed()).isTrue();
            for (TableCell cell : table.cells()) {
                if (!again.pattern().isSuppressed(cell)) {
                    assertThat(published).as("%s publishes only what the first release published", profile)
                            .contains(cell);
                }
            }
            for (CellInterval i : again.audit().intervals()) {
                if (i.bounds() == CellInterval.Bounds.EARLIER_RELEASE) {
                    assertThat(i.reason()).isEqualTo(SuppressionReason.PRIOR_RELEASE);
                }
            }
        }
    }
}
