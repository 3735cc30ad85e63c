package org.safereg.registration.statistics;

import java.util.Objects;

/**
 * A released table: its register entry (with the signed manifest), the number of cells published (margins
 * included) and withheld, and where the time went. Immutable.
 */
public record TableRelease(RegisteredRelease release, int cells, int suppressedCells, ReleaseTimings timings) {
    public TableRelease {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(timings, "timings");
    }
}
