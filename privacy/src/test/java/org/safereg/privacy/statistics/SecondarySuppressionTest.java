package org.safereg.privacy.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecondarySuppressionTest {
    private static final TableProtector PUBLIC = new TableProtector(Profiles.rules(ProtectionProfile.PUBLIC));

    static Dimension sites() {
        return Dimension.flat("site", "ALL", List.of("S1", "S2", "S3"));
    }

    /** Cells withheld alone in some equation, i.e. recomputable by subtraction. */
    static List<TableCell> recomputable(SuppressionPattern p) {
        List<TableCell> out = new ArrayList<>();
        Equations equations = p.table().equations();
        for (int e = 0; e < equations.count(); e++) {
            int alone = -1;
            int n = 0;
            for (int i = 0; i < equations.size(e); i++) {
                int cell = equations.member(e, i);
                if (p.reason(cell) != null) {
                    n++;
                    alone = cell;
                }
            }
            if (n == 1) {
                out.add(p.table().cell(alone));
            }
        }
        return out;
    }

    @Test
    void singlePrimaryRecomputableFromItsMarginGetsComplements() {
        CountTable t = Tables.table(sites(), Tables.category(),
                new long[][] {{10, 2, 30}, {7, 8, 9}, {12, 15, 20}});
        SuppressionPattern primary = PrimarySuppression.apply(t, PUBLIC.rules());
        assertThat(primary.suppressedCells()).containsOnlyKeys(TableCell.of("S1", "REF"));
        // S1 total 42 - 10 - 30 = 2: the primary alone is recomputable.
        assertThat(recomputable(primary)).contains(TableCell.of("S1", "REF"));

        // the rectangle through the smallest counts of at least k hides the primary (0..10 around 2), but its
        // complements shift by at most 2 on one side: [S2,REF] = 8 can fall to 0 and rise only to 10
        SuppressionPattern rectangle = SuppressionPattern.of(t, java.util.Map.of(
                TableCell.of("S1", "REF"), SuppressionReason.SMALL_COUNT,
                TableCell.of("S1", "IDP"), SuppressionReason.COMPLEMENTARY,
                TableCell.of("S2", "REF"), SuppressionReason.COMPLEMENTARY,
                TableCell.of("S2", "IDP"), SuppressionReason.COMPLEMENTARY));
        assertThat(recomputable(rectangle)).isEmpty();
        AuditReport rectangleAudit = new SuppressionAudit(PUBLIC.rules()).audit(rectangle);
        assertThat(rectangleAudit.failures()).extracting(CellInterval::cell)
                .doesNotContain(TableCell.of("S1", "REF"))
                .contains(TableCell.of("S2", "REF"), TableCell.of("S1", "IDP"));

        ProtectedTable p = PUBLIC.protect(t);
        assertThat(recomputable(p.pattern())).isEmpty();
        assertThat(p.pattern().suppressedCells()).containsKeys(rectangle.suppressedCells().keySet()
                .toArray(TableCell[]::new));
        assertThat(p.pattern().countsByReason()).containsEntry(SuppressionReason.SMALL_COUNT, 1);
        // a withheld REF cell can rise by k only if another REF cell of at least k falls: all three are withheld
        for (String site : List.of("S1", "S2", "S3")) {
            assertThat(p.pattern().isSuppressed(TableCell.of(site, "REF"))).as(site).isTrue();
        }
        assertThat(p.audit().passed()).isTrue();
        NWayProtectionTest.assertExactRangesConfirm(p.pattern(), p.audit());
    }

    @Test
    void primariesHidingEachOtherFromSubtractionAreStillProtected() {
        CountTable t = Tables.table(sites(), Tables.category(),
                new long[][] {{3, 4, 30}, {2, 1, 9}, {12, 15, 20}});
        // a 2x2 block of small cells: no equation has a lone withheld cell...
        SuppressionPattern primary = PrimarySuppression.apply(t, PUBLIC.rules());
        assertThat(recomputable(primary)).isEmpty();
        assertThat(primary.countsByReason()).containsEntry(SuppressionReason.SMALL_COUNT, 4);
        // ...but S2 IDP + S2 REF = 3 is published by subtraction from the row total: each is at most 3
        assertThat(new SuppressionAudit(5).audit(primary).passed()).isFalse();

        ProtectedTable p = PUBLIC.protect(t);
        assertThat(p.audit().passed()).isTrue();
        assertThat(recomputable(p.pattern())).isEmpty();
        assertThat(p.pattern().countsByReason().get(SuppressionReason.COMPLEMENTARY)).isPositive();
    }

    @Test
    void noSuppressedAdmin2CellIsRecomputableFromItsAdmin1Total() {
        CountTable t = Tables.table(Tables.geography(), Tables.category(),
                new long[][] {{10, 2, 30}, {7, 8, 9}, {6, 12, 12}, {20, 21, 22}, {11, 3, 25}});
        SuppressionPattern p = PUBLIC.protect(t).pattern();
        assertThat(recomputable(p)).isEmpty();
        assertThat(p.isSuppressed(TableCell.of("A1-01", "REF"))).isTrue();
        assertThat(p.isSuppressed(TableCell.of("A2-02", "REF"))).isTrue();
        // within each admin1, the REF column has a second withheld admin2 cell
        assertThat(p.isSuppressed(TableCell.of("A1-02", "REF")) || p.isSuppressed(TableCell.of("A1-03", "REF"))).isTrue();
        assertThat(p.isSuppressed(TableCell.of("A2-01", "REF"))).isTrue();
        // A2 has two admin2 areas: with its REF total published, [A2-01,REF] = 21 could rise only by the 3 of
        // [A2-02,REF], so the A2 total is withheld too; the grand totals stay published
        assertThat(p.isSuppressed(TableCell.of("A2", "REF"))).isTrue();
        for (String c : List.of("IDP", "REF", "HOST", "TOTAL")) {
            assertThat(p.isSuppressed(TableCell.of("ALL", c))).as("ALL/" + c).isFalse();
        }
    }

    @Test
    void publishedAdmin1IsTheSumOfItsAdmin2AndNoWithheldAdmin2CellIsRecomputable() {
        CountTable t = Tables.table(Tables.geography(), Tables.category(),
                new long[][] {{10, 2, 30}, {7, 8, 9}, {6, 12, 12}, {20, 21, 22}, {11, 3, 25}});
        ProtectedTable p = PUBLIC.protect(t);
        SuppressionPattern pattern = p.pattern();
        Dimension geography = t.dimensions().get(0);
        for (String admin1 : List.of("A1", "A2")) {
            List<Integer> admin2 = geography.children(geography.node(admin1));
            for (String c : List.of("IDP", "REF", "HOST", "TOTAL")) {
                TableCell total = TableCell.of(admin1, c);
                if (pattern.isSuppressed(total)) {
                    continue;
                }
                long published = 0;
                int withheld = 0;
                for (int node : admin2) {
                    TableCell cell = TableCell.of(geography.code(node), c);
                    if (pattern.isSuppressed(cell)) {
                        withheld++;
                    } else {
                        published += t.count(cell);
                    }
                }
                // published admin2 cells never exceed their admin1 total, and an admin1 total with withheld
                // admin2 cells under it hides at least two of them
                assertThat(published).isLessThanOrEqualTo(t.count(total));
                assertThat(withheld).isNotEqualTo(1);
                if (withheld == 0) {
                    assertThat(published).isEqualTo(t.count(total));
                }
            }
        }
        assertThat(pattern.isSuppressed(TableCell.of("A1", "TOTAL"))).isFalse();
        // every withheld cell keeps a range of +/- k (or down to 0) over everything published: checked
        // by exact linear programming, independently of the audit's witnesses
        NWayProtectionTest.assertExactRangesConfirm(pattern, p.audit());
    }

    @Test
    void smallMarginIsProtectedAcrossTheHierarchy() {
        // A1-03 total is 4 (< 5): the margin itself is primary, its cells are all small too
        CountTable t = Tables.table(Tables.geography(), Tables.category(),
                new long[][] {{10, 20, 30}, {7, 8, 9}, {1, 0, 3}, {20, 21, 22}, {11, 13, 25}});
        SuppressionPattern p = PUBLIC.protect(t).pattern();
        assertThat(p.reason(TableCell.of("A1-03", "TOTAL"))).contains(SuppressionReason.SMALL_COUNT);
        assertThat(recomputable(p)).isEmpty();
        assertThat(p.isSuppressed(TableCell.of("A1", "TOTAL"))).isFalse();
    }
}
