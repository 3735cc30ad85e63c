package org.safereg.privacy.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionAuditTest {
    private static final SuppressionRules RULES = Profiles.rules(ProtectionProfile.PUBLIC);
    private static final SuppressionAudit AUDIT = new SuppressionAudit(RULES.k());

    private static SuppressionPattern pattern(CountTable t, Object... cellsAndReasons) {
        Map<TableCell, SuppressionReason> withheld = new HashMap<>();
        for (int i = 0; i < cellsAndReasons.length; i += 2) {
            withheld.put((TableCell) cellsAndReasons[i], (SuppressionReason) cellsAndReasons[i + 1]);
        }
        return SuppressionPattern.of(t, withheld);
    }

    private static CellInterval interval(AuditReport r, String row, String column) {
        return r.intervals().stream().filter(i -> i.cell().equals(TableCell.of(row, column))).findFirst()
                .orElseThrow();
    }

    @Test
    void primarySuppressionAloneFailsAndSecondarySuppressionPasses() {
        CountTable t = Tables.table(SecondarySuppressionTest.sites(), Tables.category(),
                new long[][] {{10, 2, 30}, {7, 8, 9}, {12, 15, 20}});
        AuditReport primaryOnly = AUDIT.audit(PrimarySuppression.apply(t, RULES));
        assertThat(primaryOnly.passed()).isFalse();
        CellInterval pinned = interval(primaryOnly, "S1", "REF");
        assertThat(pinned.lower()).isEqualTo(2);
        assertThat(pinned.upper()).isEqualTo(2);

        AuditReport protectedReport = AUDIT.audit(new TableProtector(RULES).protect(t).pattern());
        assertThat(protectedReport.failures()).isEmpty();
        assertThat(protectedReport.passed()).isTrue();
        assertThat(interval(protectedReport, "S1", "REF")).extracting(CellInterval::lower, CellInterval::upper)
                .containsExactly(0L, 10L);
        // every withheld cell, complements included, moves by k both ways (down to 0 at least): checked by the exact
        // linear program over the whole table, independently of the witnesses
        ProtectedTable p = new TableProtector(RULES).protect(t);
        NWayProtectionTest.assertExactRangesConfirm(p.pattern(), p.audit());
    }

    @Test
    void patternWithoutLoneCellsButPinnedIntervalFailsByLinearProgramAndTheProtectedOnePasses() {
        // S1/S2 x IDP/REF withheld, no equation has a single withheld cell, but the zeros stop REF rising
        CountTable t = Tables.table(SecondarySuppressionTest.sites(), Tables.category(),
                new long[][] {{0, 2, 30}, {7, 0, 9}, {12, 15, 20}});
        SuppressionPattern p = pattern(t,
                TableCell.of("S1", "REF"), SuppressionReason.SMALL_COUNT,
                TableCell.of("S1", "IDP"), SuppressionReason.COMPLEMENTARY,
                TableCell.of("S2", "REF"), SuppressionReason.COMPLEMENTARY,
                TableCell.of("S2", "IDP"), SuppressionReason.COMPLEMENTARY);
        assertThat(SecondarySuppressionTest.recomputable(p)).isEmpty();
        AuditReport r = AUDIT.audit(p);
        assertThat(r.passed()).isFalse();
        CellInterval primary = interval(r, "S1", "REF");
        assertThat(primary.lower()).isZero();
        assertThat(primary.upper()).isEqualTo(2);
        assertThat(r.failures()).extracting(CellInterval::cell).contains(TableCell.of("S1", "REF"));
        // no witness reaches +/- k, so the linear program decided: its relaxation range is too narrow
        assertThat(primary.bounds()).isEqualTo(CellInterval.Bounds.RELAXATION);
        assertThat(r.cellsByLinearProgram()).isPositive();

        // the protector's pattern for the same table passes, and the exact linear program over everything
        // published confirms +/- k for every withheld cell
        ProtectedTable p2 = new TableProtector(RULES).protect(t);
        assertThat(p2.audit().passed()).isTrue();
        NWayProtectionTest.assertExactRangesConfirm(p2.pattern(), p2.audit());
    }

    @Test
    void intervalPinnedOnTheLowSideFails() {
        // the cell opposite the primary in the rectangle is 0: the 4 can rise by 20 but never fall,
        // so "at least 4 people here" is disclosed
        CountTable t = Tables.table(SecondarySuppressionTest.sites(), Tables.category(),
                new long[][] {{40, 4, 30}, {0, 20, 9}, {12, 15, 20}});
        SuppressionPattern p = pattern(t,
                TableCell.of("S1", "REF"), SuppressionReason.SMALL_COUNT,
                TableCell.of("S1", "IDP"), SuppressionReason.COMPLEMENTARY,
                TableCell.of("S2", "REF"), SuppressionReason.COMPLEMENTARY,
                TableCell.of("S2", "IDP"), SuppressionReason.COMPLEMENTARY);
        CellInterval c = interval(AUDIT.audit(p), "S1", "REF");
        assertThat(c.lower()).isEqualTo(4);
        assertThat(c.upper()).isEqualTo(24);
        assertThat(c.protectedEnough()).isFalse();
    }

    @Test
    void unboundedUpperSideAndEmptyLowerSidePassButComplementsAreHeldToKToo() {
        CountTable t = Tables.table(SecondarySuppressionTest.sites(), Tables.category(),
                new long[][] {{40, 4, 30}, {0, 20, 9}, {12, 15, 20}});
        // withholding the primary with its row total, the REF total and the grand total leaves it unbounded
        SuppressionPattern p = pattern(t,
                TableCell.of("S1", "REF"), SuppressionReason.SMALL_COUNT,
                TableCell.of("S1", "TOTAL"), SuppressionReason.COMPLEMENTARY,
                TableCell.of("ALL", "REF"), SuppressionReason.COMPLEMENTARY,
                TableCell.of("ALL", "TOTAL"), SuppressionReason.COMPLEMENTARY);
        AuditReport r = AUDIT.audit(p);
        CellInterval c = interval(r, "S1", "REF");
        assertThat(c.lower()).isZero();
        assertThat(c.upper()).isEqualTo(CellInterval.UNBOUNDED);
        assertThat(c.width()).isEqualTo(CellInterval.UNBOUNDED);
        assertThat(c.protectedEnough()).isTrue();
        // but the three totals move only with the primary: none can fall by more than its 4
        assertThat(r.passed()).isFalse();
        assertThat(r.failures()).extracting(CellInterval::cell).containsExactlyInAnyOrder(TableCell.of("S1", "TOTAL"),
                TableCell.of("ALL", "REF"), TableCell.of("ALL", "TOTAL"));
        assertThat(interval(r, "ALL", "TOTAL").lower()).isEqualTo(t.count(TableCell.of("ALL", "TOTAL")) - 4);
    }

    @Test
    void hierarchicalTableProtectedByTheProtectorPassesTheAudit() {
        CountTable t = Tables.table(Tables.geography(), Tables.category(),
                new long[][] {{10, 2, 30}, {7, 8, 9}, {6, 12, 12}, {20, 21, 22}, {11, 3, 25}});
        AuditReport r = AUDIT.audit(new TableProtector(RULES).protect(t).pattern());
        assertThat(r.failures()).isEmpty();
        assertThat(r.intervals()).isNotEmpty();
        for (CellInterval i : r.intervals()) {
            assertThat(i.lower()).isLessThanOrEqualTo(i.value());
            assertThat(i.upper()).isGreaterThanOrEqualTo(i.value());
        }
    }

    @Test
    void groupDisclosureCellMustMoveByKBothWays() {
        // A1-03: 12 of 12 are HOST; withholding only that cell and IDP/REF zeros leaves it pinned by the total
        Dimension needs = Tables.category().asSensitive();
        CountTable t = Tables.table(Tables.geography(), needs,
                new long[][] {{10, 20, 30}, {7, 8, 9}, {0, 0, 12}, {20, 21, 22}, {11, 13, 25}});
        SuppressionPattern primary = PrimarySuppression.apply(t, RULES);
        assertThat(primary.reason(TableCell.of("A1-03", "HOST"))).contains(SuppressionReason.GROUP_DISCLOSURE);
        AuditReport r = AUDIT.audit(primary);
        assertThat(r.passed()).isFalse();
        CellInterval host = interval(r, "A1-03", "HOST");
        assertThat(host.value()).isEqualTo(12);
        assertThat(host.protectedEnough()).isFalse();
    }
}
