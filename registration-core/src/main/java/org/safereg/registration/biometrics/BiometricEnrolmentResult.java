package org.safereg.registration.biometrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.safereg.keys.SubjectId;
import org.safereg.registration.model.RegistrationStatus;

/**
 * Result of a biometric enrolment.
 *
 * @param id the new registration
 * @param status ACTIVE (no candidate reached the threshold) or PENDING_ADJUDICATION (see {@code candidates}); a
 *               replay reports the current status, which may since be DUPLICATE
 * @param adjudicationCase the case opened for an adjudicator, if candidates were found
 * @param candidates ranked possible duplicates (ids and scores only), empty when ACTIVE
 * @param threshold the person-score threshold applied (it depends on the number of fingers presented)
 * @param replayed true when an earlier request with the same idempotency key made this registration and this
 *                 call changed nothing
 */
public record BiometricEnrolmentResult(SubjectId id, RegistrationStatus status, Optional<CaseId> adjudicationCase,
                                       List<MatchCandidate> candidates, double threshold, boolean replayed) {
    public BiometricEnrolmentResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(adjudicationCase, "adjudicationCase");
        candidates = List.copyOf(candidates);
    }
}
