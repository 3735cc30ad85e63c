package org.safereg.registration.statistics;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the time of one table release went (for benchmarks and operations; not part of the manifest).
 *
 * @param tally reading the projection and counting it into the table (database grouping included)
 * @param suppression primary and secondary suppression (zero with differential privacy)
 * @param audit the audit (witnesses, then linear programs for cells without one) and its repair rounds (zero with
 *     differential privacy)
 * @param noise sampling and post-processing the noise (zero with suppression)
 * @param output the CSV, the manifest, its signature and the register entry
 * @param repairRounds audit rounds that had to widen the suppression pattern
 * @param cellsByLinearProgram withheld cells the audit decided by linear programs (no witness found)
 */
public record ReleaseTimings(Duration tally, Duration suppression, Duration audit, Duration noise, Duration output,
                             int repairRounds, int cellsByLinearProgram) {
    public ReleaseTimings {
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(suppression, "suppression");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(output, "output");
    }

    /** The sum of the stages. */
    public Duration total() {
        return tally.plus(suppression).plus(audit).plus(noise).plus(output);
    }
}
