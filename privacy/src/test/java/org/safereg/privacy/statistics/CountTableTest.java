package org.safereg.privacy.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CountTableTest {
    private final CountTable table = Tables.table(Tables.geography(), Tables.category(), new long[][] {
        {10, 2, 30}, {7, 8, 9}, {0, 0, 12}, {20, 21, 22}, {1, 40, 3}});

    @Test
    void derivesEveryMarginAndHierarchyLevel() {
        assertThat(table.count("A1-01", "TOTAL")).isEqualTo(42);
        assertThat(table.count("A1", "IDP")).isEqualTo(17);
        assertThat(table.count("A1", "TOTAL")).isEqualTo(42 + 24 + 12);
        assertThat(table.count("A2", "REF")).isEqualTo(61);
        assertThat(table.count("ALL", "HOST")).isEqualTo(30 + 9 + 12 + 22 + 3);
        assertThat(table.count("ALL", "TOTAL")).isEqualTo(78 + 63 + 44);
    }

    @Test
    void everyEquationHoldsOnThePublishedTable() {
        assertThat(table.equations()).hasSize(3 * 4 + 8 * 1);
        for (int[] eq : table.equations()) {
            long sum = 0;
            for (int i = 1; i < eq.length; i++) {
                sum += table.count(eq[i]);
            }
            assertThat(sum).isEqualTo(table.count(eq[0]));
        }
    }

    @Test
    void marginsCannotBeSetByHand() {
        assertThatThrownBy(() -> CountTable.builder(Tables.geography(), Tables.category()).set("A1", "IDP", 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountTable.builder(Tables.geography(), Tables.category()).set("A1-01", "TOTAL", 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
