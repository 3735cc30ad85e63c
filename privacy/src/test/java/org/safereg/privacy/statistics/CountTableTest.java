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

    @Test
    void threeWayTableDerivesEveryCombinationOfMargins() {
        Dimension sex = Dimension.flat("sex", "T", List.of("F", "M"));
        CountTable t = CountTable.builder(List.of(Tables.geography(), sex, Tables.category()))
                .add(3, "A1-01", "F", "IDP").add(4, "A1-02", "F", "IDP").add(5, "A2-01", "M", "REF")
                .increment("A1-01", "M", "IDP").increment("A1-01", "M", "IDP")
                .build();
        assertThat(t.cellCount()).isEqualTo(8 * 3 * 4);
        assertThat(t.count(TableCell.of("A1", "F", "IDP"))).isEqualTo(7);
        assertThat(t.count(TableCell.of("A1-01", "T", "IDP"))).isEqualTo(5);
        assertThat(t.count(TableCell.of("A1", "T", "TOTAL"))).isEqualTo(9);
        assertThat(t.count(TableCell.of("ALL", "M", "TOTAL"))).isEqualTo(7);
        assertThat(t.count(TableCell.of("ALL", "T", "REF"))).isEqualTo(5);
        assertThat(t.count(TableCell.of("ALL", "T", "TOTAL"))).isEqualTo(14);
        assertThat(t.count(TableCell.of("A2-02", "F", "HOST"))).isZero();
        assertThat(t.isLeaf(TableCell.of("A1-01", "F", "IDP"))).isTrue();
        assertThat(t.isLeaf(TableCell.of("A1-01", "T", "IDP"))).isFalse();
    }

    @Test
    void cellsComeInCanonicalOrderWithDimensionZeroSlowest() {
        Dimension sex = Dimension.flat("sex", "T", List.of("F", "M"));
        Dimension age = Dimension.flat("age", "ALL", List.of("child", "adult"));
        CountTable t = CountTable.builder(List.of(sex, age)).add(2, "F", "adult").build();
        assertThat(t.cells()).containsExactly(
                TableCell.of("T", "ALL"), TableCell.of("T", "child"), TableCell.of("T", "adult"),
                TableCell.of("F", "ALL"), TableCell.of("F", "child"), TableCell.of("F", "adult"),
                TableCell.of("M", "ALL"), TableCell.of("M", "child"), TableCell.of("M", "adult"));
        assertThat(t.cells().stream().mapToLong(t::count).toArray()).containsExactly(2, 0, 2, 2, 0, 2, 0, 0, 0);
    }

    @Test
    void shapeAndCodesAreChecked() {
        Dimension sex = Dimension.flat("sex", "T", List.of("F", "M"));
        assertThatThrownBy(() -> CountTable.builder(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountTable.builder(List.of(sex, sex, sex, sex, sex, sex, sex)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountTable.builder(List.of(sex, sex)))
                .isInstanceOf(IllegalArgumentException.class);
        CountTable.Builder b = CountTable.builder(List.of(sex, Tables.category()));
        assertThatThrownBy(() -> b.increment("F")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.increment("F", "NOPE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.add(-1, "F", "IDP")).isInstanceOf(IllegalArgumentException.class);
        CountTable t = b.build();
        assertThatThrownBy(() -> t.count(TableCell.of("F"))).isInstanceOf(IllegalArgumentException.class);
    }
}
