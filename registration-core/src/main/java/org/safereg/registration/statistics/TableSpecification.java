package org.safereg.registration.statistics;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.safereg.privacy.sharing.RecipientId;
import org.safereg.privacy.statistics.NoiseSpec;
import org.safereg.privacy.statistics.ProtectionProfile;

/**
 * A checked table specification: 1 to 6 distinct dimensions (at most one geographic), the unit, the protection
 * profile, the noise when the table is released with differential privacy (empty: cell suppression), the
 * population (admin0 P-code) and the recipient outside the organisation, if any. Immutable.
 */
public record TableSpecification(List<StatisticalDimension> dimensions, StatisticalUnit unit,
                                 ProtectionProfile profile, Optional<NoiseSpec> noise, String population,
                                 Optional<RecipientId> recipient) {
    /** Most dimensions of one table. */
    public static final int MAX_DIMENSIONS = 6;

    public TableSpecification {
        dimensions = List.copyOf(dimensions);
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(recipient, "recipient");
        if (dimensions.isEmpty() || dimensions.size() > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("a table has 1 to " + MAX_DIMENSIONS + " dimensions");
        }
        if (new HashSet<>(dimensions).size() != dimensions.size()) {
            throw new IllegalArgumentException("a dimension appears twice");
        }
        if (dimensions.stream().filter(d -> d.adminLevel() > 0).count() > 1) {
            throw new IllegalArgumentException("at most one geographic dimension (ADMIN2 includes admin1 totals)");
        }
        if (noise.isPresent() && unit != StatisticalUnit.PERSONS) {
            throw new IllegalArgumentException("differential privacy is available for unit PERSONS only");
        }
    }

    /** SUPPRESSION, or DIFFERENTIAL_PRIVACY when noise is given. */
    public ProtectionMethod method() {
        return noise.isPresent() ? ProtectionMethod.DIFFERENTIAL_PRIVACY : ProtectionMethod.SUPPRESSION;
    }

    /** The finest administrative level the table shows, 0 if it has no geography. */
    public int adminLevel() {
        return dimensions.stream().mapToInt(StatisticalDimension::adminLevel).max().orElse(0);
    }
}
