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
        // not recomputable: what the earlier release guaranteed for it
        double[] range = new ExactLp(p.pattern(), Set.of()).range(TableCell.of("A"));
        assertThat(range[0]).isLessThan(40);
        assertThat(range[1]).isGreaterThan(40);
        assertThat(p.audit().passed()).isTrue();
    }

    @Test
    void aCellPublishedBeforeIsNeitherAComplementNorASecret() {
        CountTable twoWay = GroupDisclosureTest.table(40, 0, 30, 25, 20, 22);
        // the one-way table went out first and published every admin1 total
        Set<TableCell> published = Set.of(TableCell.of("A", "TOTAL"), TableCell.of("B", "TOTAL"),
                TableCell.of("C", "TOTAL"), TableCell.of("TOTAL", "TOTAL"));
        ProtectedTable p = PROTECTOR.protect(twoWay, new PriorReleases(published, Set.of()));
        for (TableCell cell : published) {
            assertThat(p.pattern().isSuppressed(cell)).isFalse();
        }
        // the attacker holds the totals as constants: [A,YES] <= 40 is known, but not that it is everyone
        double[] range = new ExactLp(p.pattern(), published).range(TableCell.of("A", "YES"));
        assertThat(range[0]).isLessThanOrEqualTo(35);
        assertThat(range[1]).isEqualTo(40);
        assertThat(GroupDisclosureTest.leastShareMargin(p.pattern(), published)).isLessThan(0);
        assertThat(new SuppressionAudit(RULES).audit(p.pattern(), new PriorReleases(published, Set.of())).passed())
                .isTrue();
    }

    @Test
    void theAuditCountsCellsPublishedBeforeAsConstants() {
        // the pattern protects [A,YES] only through the admin1 totals, which an earlier release published
        CountTable twoWay = GroupDisclosureTest.table(3, 30, 30, 25, 20, 22);
        SuppressionPattern pattern = SuppressionPattern.of(twoWay, Map.of(
                TableCell.of("A", "YES"), SuppressionReason.SMALL_COUNT,
                TableCell.of("A", "TOTAL"), SuppressionReason.COMPLEMENTARY,
                TableCell.of("B", "YES"), SuppressionReason.COMPLEMENTARY,
                TableCell.of("B", "TOTAL"), SuppressionReason.COMPLEMENTARY));
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
