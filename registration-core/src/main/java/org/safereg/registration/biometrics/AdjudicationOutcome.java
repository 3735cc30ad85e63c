package org.safereg.registration.biometrics;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.safereg.keys.SubjectId;

/**
 * How a case was decided.
 *
 * @param duplicateOf the existing person the new registration was linked to (DUPLICATE only)
 * @param reason the adjudicator's reason (stored encrypted)
 */
public record AdjudicationOutcome(AdjudicationDecision decision, Optional<SubjectId> duplicateOf, String reason,
                                  String decidedBy, Instant decidedAt) {
    public AdjudicationOutcome {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
