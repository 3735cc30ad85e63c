package org.safereg.registration.biometrics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.safereg.keys.SubjectId;
import org.safereg.matching.FingerPosition;
import org.safereg.registration.model.RegistrationStatus;

/**
 * An adjudication case: a new registration whose fingers reached the threshold against existing persons.
 *
 * @param subject the new registration
 * @param subjectStatus its current registration status
 * @param positions the finger positions captured for the new registration, in capture order (its images can be
 *                  fetched by position while the case is open)
 * @param threshold the person-score threshold the enrolment search applied
 * @param createdBy the officer who captured the registration
 * @param candidates ranked candidates with per-finger scores and their current status
 * @param outcome the decision, once decided
 */
public record AdjudicationCase(CaseId id, SubjectId subject, RegistrationStatus subjectStatus, CaseStatus status,
                               List<FingerPosition> positions, double threshold, String createdBy, Instant createdAt,
                               List<MatchCandidate> candidates, Optional<AdjudicationOutcome> outcome) {
    public AdjudicationCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectStatus, "subjectStatus");
        Objects.requireNonNull(status, "status");
        positions = List.copyOf(positions);
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(outcome, "outcome");
    }
}
