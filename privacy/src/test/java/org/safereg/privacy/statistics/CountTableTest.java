package org.safereg.privacy.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountTableTest {
    private final CountTable table = Tables.table(Tables.geography(), Tables.category(), new long[][] {
        {10, 2, 30}, {7, 8, 9}, {0, 0, 12}, {20, 21, 22}, {1, 40, 3}});

    @Test
    void derivesEveryMarginAndHierarchyLevel() {
        assertThat(table.count(TableCell.of("A1-01", "TOTAL"))).isEqualTo(42);
        assertThat(table.count(TableCell.of("A1", "IDP"))).isEqualTo(17);
        assertThat(table.count(TableCell.of("A1", "TOTAL"))).isEqualTo(42 + 24 + 12);
        assertThat(table.count(TableCell.of("A2", "REF"))).isEqualTo(61);
        assertThat(table.count(TableCell.of("ALL", "HOST"))).isEqualTo(30 + 9 + 12 + 22 + 3);
        assertThat(table.count(TableCell.of("ALL", "TOTAL"))).isEqualTo(78 + 63 + 44);
    }

    @Test
    void everyEquationHoldsOnThePublishedTable() {
        Equations equations = table.equations();
        assertThat(equations.count()).isEqualTo(3 * 4 + 8 * 1);
        for (int e = 0; e < equations.count(); e++) {
            long sum = 0;
            for (int i = 1; i < equations.size(e); i++) {
                sum += table.count(equations.member(e, i));
            }
            assertThat(sum).isEqualTo(table.count(equations.member(e, 0)));
        }
    }

    @Test
    void marginsCannotBeSetByHand() {
        assertThatThrownBy(() -> CountTable.builder(List.of(Tables.geography(), Tables.category())).add(3, "A1", "IDP"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountTable.builder(List.of(Tables.geography(), Tables.category())).add(3, "A1-01", "TOTAL"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
