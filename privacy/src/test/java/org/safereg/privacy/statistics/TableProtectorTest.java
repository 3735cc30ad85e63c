package org.safereg.privacy.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TableProtectorTest {
    private static final List<String> CATEGORIES = List.of("c0", "c1", "c2", "c3", "c4", "c5");

    /** 4 admin1 x 6 admin2 by 6 categories, a quarter of the cells small (0..4). */
    private static CountTable randomTable(Random rnd, Dimension columns) {
        Dimension.Builder g = Dimension.builder("geography", "ALL");
        List<String> leaves = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            g.add("A" + a, "ALL");
            for (int b = 0; b < 6; b++) {
                g.add("A" + a + "-" + b, "A" + a);
                leaves.add("A" + a + "-" + b);
            }
        }
        CountTable.Builder t = CountTable.builder(List.of(g.build(), columns));
        for (String leaf : leaves) {
            for (String c : CATEGORIES) {
                t.add(rnd.nextInt(4) == 0 ? rnd.nextInt(5) : rnd.nextInt(60), leaf, c);
            }
        }
        return t.build();
    }

    @Test
    void randomHierarchicalTablesAreProtectedWithoutWithholdingTheirTotals() {
        Random rnd = new Random(20201);
        for (ProtectionProfile profile : ProtectionProfile.values()) {
            TableProtector protector = new TableProtector(Profiles.rules(profile));
            for (int trial = 0; trial < 10; trial++) {
                Dimension columns = Dimension.flat("category", "TOTAL", CATEGORIES);
                CountTable t = randomTable(rnd, trial % 2 == 0 ? columns : columns.asSensitive());
                SuppressionPattern primary = PrimarySuppression.apply(t, protector.rules());
                ProtectedTable p = protector.protect(t);
                // every primary cell stays withheld, with its primary reason
                primary.suppressedCells().forEach((cell, reason) ->
                        assertThat(p.pattern().reason(cell)).contains(reason));
                assertThat(SecondarySuppressionTest.recomputable(p.pattern())).isEmpty();
                // an independent audit of the released pattern agrees
                assertThat(new SuppressionAudit(Profiles.rules(profile)).audit(p.pattern()).failures()).isEmpty();
                assertThat(p.pattern().isSuppressed(TableCell.of("ALL", "TOTAL"))).isFalse();
                // +/- k for every withheld cell, complements included, costs about three withheld cells in each
                // line with a small cell: more than the primaries and their complements alone, far from everything
                assertThat(p.pattern().suppressedCells().size()).isLessThan(t.cellCount() * 3 / 5);
            }
        }
    }

    @Test
    void aSparseTableOfAThousandDistrictsIsProtectedAtBothProfiles() {
        // 1,000 admin2 under 20 admin1 x sex x 5 age bands x 5 categories (110,268 cells, most small) from 1,000,000
        // persons: in large districts dominated by one category, the moves the search finds within its budget
        // cannot take the dominant cell below the share; the exchange of last resort can
        CountTable t = new SyntheticPopulation(20, 50, 1.8, 5, 5, 2026).tally(1_000_000, 1);
        for (ProtectionProfile profile : ProtectionProfile.values()) {
            ProtectedTable p = new TableProtector(Profiles.rules(profile)).protect(t);
            assertThat(p.audit().passed()).isTrue();
            assertThat(p.pattern().countsByReason().get(SuppressionReason.GROUP_DISCLOSURE)).isPositive();
            assertThat(p.pattern().withheld(0)).as("the grand total").isFalse();
        }
    }
}
