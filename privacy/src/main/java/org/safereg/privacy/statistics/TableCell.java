package org.safereg.privacy.statistics;

import java.util.Objects;

/** A cell of a {@link CountTable} named by its row and column codes (either may be a margin). Immutable. */
public record TableCell(String row, String column) {
    public TableCell {
        Objects.requireNonNull(row);
        Objects.requireNonNull(column);
    }
}
