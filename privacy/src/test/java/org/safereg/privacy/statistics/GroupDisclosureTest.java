package org.safereg.privacy.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The group-disclosure rule protects a share, not a count: after protection, some table consistent with
 * everything published must give the dominant category less than the rule's share of its line. Checked
 * against the audit and against an independent linear program over the whole (small) table.
 */
class GroupDisclosureTest {
    static final SuppressionRules RULES = new SuppressionRules(5, 0.9);

    static Dimension admin1() {
        return Dimension.flat("admin1", "TOTAL", List.of("A", "B", "C"));
    }

    static Dimension need() {
        return Dimension.flat("need", "TOTAL", List.of("YES", "NO")).asSensitive();
    }

    /** ADMIN1 x NEED (sensitive) with the given YES/NO counts of rows A, B, C. */
    static CountTable table(long... yesNo) {
        return Tables.table(admin1(), need(), new long[][] {{yesNo[0], yesNo[1]}, {yesNo[2], yesNo[3]},
                {yesNo[4], yesNo[5]}});
    }

    /** The least share of YES in row A over the relaxation of the release: min of YES - share * TOTAL. */
    static double leastShareMargin(SuppressionPattern pattern, Set<TableCell> known) {
        return new ExactLp(pattern, known).minimum(Map.of(TableCell.of("A", "YES"), 1.0,
                TableCell.of("A", "TOTAL"), -RULES.groupDisclosureShare()));
    }

    @Test
    void everyoneInTheRowHasTheNeed() {
        // the reviewer's first probe: YES=40, NO=0 in row A
        CountTable t = table(40, 0, 30, 25, 20, 22);
        ProtectedTable p = new TableProtector(RULES).protect(t);
        SuppressionPattern pattern = p.pattern();
        assertThat(pattern.reason(TableCell.of("A", "YES"))).contains(SuppressionReason.GROUP_DISCLOSURE);
        // the zero becomes the move partner: publishing it would say "everyone in A"
        assertThat(pattern.isSuppressed(TableCell.of("A", "NO"))).isTrue();
        assertThat(leastShareMargin(pattern, Set.of())).isLessThan(0);
        assertThat(new SuppressionAudit(RULES).audit(pattern).passed()).isTrue();
    }

    @Test
    void nearlyEveryoneInALargeRowHasTheNeed() {
        // the reviewer's second probe: 95% of a large row, beside a small row
        CountTable t = table(950, 50, 300, 200, 8, 7);
        SuppressionPattern pattern = new TableProtector(RULES).protect(t).pattern();
        assertThat(pattern.reason(TableCell.of("A", "YES"))).contains(SuppressionReason.GROUP_DISCLOSURE);
        assertThat(pattern.isSuppressed(TableCell.of("A", "NO"))).isTrue();
        // no published information pins A's share of YES at or above 0.9
        assertThat(leastShareMargin(pattern, Set.of())).isLessThan(0);
        assertThat(new SuppressionAudit(RULES).audit(pattern).passed()).isTrue();
    }

    @Test
    void plusMinusKAroundALargeDominantCellIsNotEnough() {
        // the pattern the audit used to pass: [A,YES] +/- 5 through the row totals, [A,NO] = 0 published
        CountTable t = table(40, 0, 30, 25, 20, 22);
        SuppressionPattern pattern = SuppressionPattern.of(t, Map.of(
                TableCell.of("A", "YES"), SuppressionReason.GROUP_DISCLOSURE,
                TableCell.of("A", "TOTAL"), SuppressionReason.COMPLEMENTARY,
                TableCell.of("B", "YES"), SuppressionReason.COMPLEMENTARY,
                TableCell.of("B", "TOTAL"), SuppressionReason.COMPLEMENTARY));
        double[] range = new ExactLp(pattern, Set.of()).range(TableCell.of("A", "YES"));
        assertThat(range[0]).isLessThanOrEqualTo(35);
        assertThat(range[1]).isGreaterThanOrEqualTo(45);
        assertThat(leastShareMargin(pattern, Set.of())).isGreaterThanOrEqualTo(0);
        AuditReport report = new SuppressionAudit(RULES).audit(pattern);
        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).extracting(CellInterval::cell).containsExactly(TableCell.of("A", "YES"));
    }

    @Test
    void aShareThatCannotBeHiddenIsNotReleased() {
        // a one-way table of the sensitive dimension: everyone has the need, and an earlier release published
        // that no one is without it, so no consistent table gives YES less than 90% of the total
        CountTable t = CountTable.builder(List.of(need())).add(40, "YES").add(0, "NO").build();
        TableProtector protector = new TableProtector(RULES);
        assertThat(protector.protect(t).pattern().isSuppressed(TableCell.of("NO"))).isTrue();
        PriorReleases prior = new PriorReleases(Set.of(TableCell.of("NO")), Set.of());
        assertThatThrownBy(() -> protector.protect(t, prior))
                .isInstanceOf(TableProtectionException.class).hasMessageNotContaining("40");
    }

    @Test
    void theShiftTakesTheCellJustBelowTheShare() {
        assertThat(SuppressionAudit.shareShift(40, 40, 0.9)).isEqualTo(5);
        assertThat(SuppressionAudit.shareShift(950, 1000, 0.9)).isEqualTo(51);
        assertThat(SuppressionAudit.shareShift(3, 3, 1.0)).isEqualTo(1);
    }
}
