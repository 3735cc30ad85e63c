package org.safereg.privacy.statistics;

import java.util.List;

/**
 * A cell of a {@link CountTable}: one code per dimension, in the table's dimension order. Any code may be a
 * margin (an inner node or the root of its dimension), so {@code TableCell.of("A1", "TOTAL")} is the admin1
 * total over every category. Immutable.
 */
public record TableCell(List<String> codes) {
    public TableCell {
        codes = List.copyOf(codes);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("a cell has one code per dimension");
        }
    }

    /** The cell with these codes, dimension 0 first. */
    public static TableCell of(String... codes) {
        return new TableCell(List.of(codes));
    }

    /** The code in this dimension. */
    public String code(int dimension) {
        return codes.get(dimension);
    }

    @Override
    public String toString() {
        return String.join(" x ", codes);
    }
}
