package org.safereg.privacy.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safereg.privacy.statistics.MoveSearch.Move;

/** The audit trusts no witness: moves over published cells, moves breaking an equation, negative cells. */
class WitnessTest {
    private final CountTable t = Tables.table(SecondarySuppressionTest.sites(), Tables.category(),
            new long[][] {{10, 2, 30}, {7, 8, 9}, {12, 15, 20}});
    private final int s1Ref = t.index(TableCell.of("S1", "REF"));
    private final int s1Idp = t.index(TableCell.of("S1", "IDP"));
    private final int s2Ref = t.index(TableCell.of("S2", "REF"));
    private final int s2Idp = t.index(TableCell.of("S2", "IDP"));
    /** The rectangle S1/S2 x IDP/REF, +1 at S1 REF. */
    private final Move rectangle = new Move(new int[] {s1Ref, s1Idp, s2Ref, s2Idp}, new int[] {1, -1, -1, 1}, 0, 8,
            2);

    private boolean[] withheld(int... cells) {
        boolean[] w = new boolean[t.cellCount()];
        for (int c : cells) {
            w[c] = true;
        }
        return w;
    }

    @Test
    void aRectangleOfWithheldCellsProvesItsShifts() {
        Witness.Checker checker = new Witness.Checker(t, withheld(s1Ref, s1Idp, s2Ref, s2Idp));
        assertThat(checker.shift(Witness.of(rectangle, 8), s1Ref)).isEqualTo(8);
        assertThat(checker.shift(Witness.of(rectangle, -2), s1Ref)).isEqualTo(-2);
        assertThat(checker.shift(Witness.of(rectangle, 8), s2Idp)).isEqualTo(8);
        assertThat(checker.shift(Witness.of(rectangle, 8), s1Idp)).isEqualTo(-8);
    }

    @Test
    void aWitnessDrivingACellNegativeIsRejected() {
        Witness.Checker checker = new Witness.Checker(t, withheld(s1Ref, s1Idp, s2Ref, s2Idp));
        // S2 REF holds 8: shifting S1 REF up by 9 would leave it at -1
        assertThat(checker.shift(Witness.of(rectangle, 9), s1Ref)).isEqualTo(Witness.INVALID);
        assertThat(checker.shift(Witness.of(rectangle, -3), s1Ref)).isEqualTo(Witness.INVALID);
        assertThat(checker.shift(new Witness(List.of(new Witness.Step(rectangle, 5), new Witness.Step(rectangle, 4))),
                s1Ref)).isEqualTo(Witness.INVALID);
        assertThat(checker.shift(Witness.of(rectangle, MoveSearch.UNLIMITED), s1Ref)).isEqualTo(Witness.INVALID);
    }

    @Test
    void aMoveTouchingAPublishedCellIsRejected() {
        Witness.Checker checker = new Witness.Checker(t, withheld(s1Ref, s1Idp, s2Ref));
        assertThat(checker.shift(Witness.of(rectangle, 1), s1Ref)).isEqualTo(Witness.INVALID);
    }

    @Test
    void aMoveChangingAMarginIsRejected() {
        Move lopsided = new Move(new int[] {s1Ref, s1Idp, s2Ref}, new int[] {1, -1, -1}, 0, 1, 1);
        Witness.Checker checker = new Witness.Checker(t, withheld(s1Ref, s1Idp, s2Ref, s2Idp));
        assertThat(checker.shift(Witness.of(lopsided, 1), s1Ref)).isEqualTo(Witness.INVALID);
    }

    @Test
    void theAuditIgnoresForgedWitnesses() {
        SuppressionPattern pattern = SuppressionPattern.of(t, Map.of(TableCell.of("S1", "REF"),
                SuppressionReason.SMALL_COUNT, TableCell.of("S1", "IDP"), SuppressionReason.COMPLEMENTARY));
        Move forged = new Move(new int[] {s1Ref, s1Idp}, new int[] {1, -1}, 0, 10, 2);
        AuditReport report = new SuppressionAudit(5).audit(pattern, new Moves(t), null,
                Map.of(s1Ref, List.of(Witness.of(forged, 10), Witness.of(forged, -2))), new boolean[t.cellCount()]);
        assertThat(report.passed()).isFalse();
    }

    @Test
    void theExchangeOfLastResortKeepsTheLineTotalAndReachesAsFarAsTheCell() {
        // 3-way, geography hierarchy x age x need: [A1-01, old, YES] = 40 of its need line of 42
        Dimension age = Dimension.flat("age", "T", List.of("young", "old"));
        Dimension need = Dimension.flat("need", "T", List.of("YES", "NO")).asSensitive();
        CountTable.Builder b = CountTable.builder(List.of(Tables.geography(), age, need));
        for (String area : List.of("A1-01", "A1-02", "A1-03", "A2-01", "A2-02")) {
            b.add(area.equals("A1-01") ? 40 : 9, area, "old", "YES").add(2, area, "old", "NO");
            b.add(7, area, "young", "YES").add(0, area, "young", "NO");
        }
        CountTable t3 = b.build();
        int cell = t3.index(TableCell.of("A1-01", "old", "YES"));
        int line = t3.index(TableCell.of("A1-01", "old", "T"));
        boolean[] none = new boolean[t3.cellCount()];
        MoveSearch search = new MoveSearch(new Moves(t3), none, false, none);
        Move exchange = search.exchange(cell, 2, MoveSearch.Direction.DOWN, 40);
        assertThat(exchange.down()).isEqualTo(40);
        assertThat(exchange.cells()).doesNotContain(line);
        boolean[] corners = new boolean[t3.cellCount()];
        for (int c : exchange.cells()) {
            corners[c] = true;
        }
        Witness.Checker checker = new Witness.Checker(t3, corners);
        Map<Integer, Long> delta = checker.delta(Witness.of(exchange, -40));
        assertThat(delta).isNotNull().containsEntry(cell, -40L)
                .containsEntry(t3.index(TableCell.of("A1-01", "old", "NO")), 40L);
        assertThat(delta.getOrDefault(line, 0L)).isZero();
        // through an inner node (the region A1): the exchange descends to the largest district, keeps A1's line total
        int region = t3.index(TableCell.of("A1", "old", "YES"));
        Move throughRegion = search.exchange(region, 2, MoveSearch.Direction.DOWN, 5);
        boolean[] regionCorners = new boolean[t3.cellCount()];
        for (int c : throughRegion.cells()) {
            regionCorners[c] = true;
        }
        assertThat(throughRegion.cells()).contains(cell).doesNotContain(t3.index(TableCell.of("A1", "old", "T")));
        assertThat(throughRegion.down()).isEqualTo(40);
        assertThat(new Witness.Checker(t3, regionCorners).shift(Witness.of(throughRegion, -40), region))
                .isEqualTo(-40);
        // a corner known from an earlier release bars it
        boolean[] known = new boolean[t3.cellCount()];
        known[t3.index(TableCell.of("ALL", "T", "YES"))] = true;
        assertThat(new MoveSearch(new Moves(t3), none, false, known).exchange(cell, 2, MoveSearch.Direction.DOWN, 40))
                .isNull();
    }
}
