package org.safereg.privacy.statistics;

import java.util.Objects;
import org.safereg.privacy.statistics.noise.Rho;

/**
 * A differentially private table ready to publish: every cell a non-negative integer, margins the sums of
 * their leaves, together with the noise that was added and the privacy loss to charge to the budget ledger.
 * Made by {@link NoisyTables#release}. Immutable and thread-safe.
 *
 * @param published the table to publish in full (no suppression)
 * @param spec the noise mechanism and scale, published with the table
 * @param rho the zCDP loss of this release ({@link NoiseSpec#rho()})
 */
public record NoisyTable(CountTable published, NoiseSpec spec, Rho rho) {
    public NoisyTable {
        Objects.requireNonNull(published);
        Objects.requireNonNull(spec);
        Objects.requireNonNull(rho);
    }
}
