package org.safereg.registration.biometrics;

import java.time.Instant;
import java.util.Objects;
import org.safereg.keys.SubjectId;

/**
 * One open case in the adjudication queue (oldest first).
 *
 * @param subject the new registration awaiting a decision
 * @param candidateCount how many possible duplicates the enrolment search found
 * @param topScore the best candidate's fused score
 */
public record AdjudicationSummary(CaseId id, SubjectId subject, Instant createdAt, int candidateCount,
                                  double topScore) {
    public AdjudicationSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
