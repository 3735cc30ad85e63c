package org.safereg.registration.biometrics;

import java.util.List;
import java.util.Objects;
import org.safereg.keys.SubjectId;
import org.safereg.matching.FingerScore;
import org.safereg.registration.model.RegistrationStatus;

/**
 * An enrolled person whose fingers reached the threshold in a 1:N search: an id and scores, no personal data.
 *
 * @param rank 1 for the best candidate
 * @param score fused person score (sum of the best per-finger scores by default)
 * @param fingers best score of each presented finger against this person, in presentation order
 * @param status the candidate's registration status when the result was made (ACTIVE or PENDING_ADJUDICATION
 *               at search time; a case view shows the current status, which may since be DUPLICATE or ERASED)
 */
public record MatchCandidate(SubjectId subject, int rank, double score, List<FingerScore> fingers,
                             RegistrationStatus status) {
    public MatchCandidate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        fingers = List.copyOf(fingers);
    }
}
