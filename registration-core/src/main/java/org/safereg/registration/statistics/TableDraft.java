package org.safereg.registration.statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A table request as the client wrote it (strings, checked by {@link StatisticsService#release}, which lists every
 * invalid field in one {@link org.safereg.registration.ValidationException}).
 *
 * @param dimensions 1 to 6 {@linkplain StatisticalDimension#parse dimension names}
 * @param unit PERSONS (default) or HOUSEHOLDS
 * @param profile PUBLIC or AGREEMENT
 * @param method SUPPRESSION (default) or DIFFERENTIAL_PRIVACY
 * @param mechanism with differential privacy: DISCRETE_GAUSSIAN or DISCRETE_LAPLACE
 * @param scale with differential privacy: sigma squared (Gaussian) or b (Laplace), a positive integer or fraction
 *              {@code p/q}
 * @param population the admin0 P-code of the population described (and whose budget is spent)
 * @param recipient the recipient outside the organisation (code of an organisation with an active agreement)
 */
public record TableDraft(List<String> dimensions, Optional<String> unit, String profile, Optional<String> method,
                         Optional<String> mechanism, Optional<String> scale, String population,
                         Optional<String> recipient) {
    public TableDraft {
        dimensions = dimensions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(dimensions));
        unit = unit == null ? Optional.empty() : unit;
        method = method == null ? Optional.empty() : method;
        mechanism = mechanism == null ? Optional.empty() : mechanism;
        scale = scale == null ? Optional.empty() : scale;
        recipient = recipient == null ? Optional.empty() : recipient;
    }
}
