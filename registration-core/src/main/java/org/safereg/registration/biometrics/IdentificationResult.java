package org.safereg.registration.biometrics;

import java.util.List;

/**
 * Result of a 1:N identification: ranked candidate person ids with scores (no personal data), best first.
 *
 * @param threshold the person-score threshold applied (it depends on the number of fingers presented)
 */
public record IdentificationResult(double threshold, List<MatchCandidate> candidates) {
    public IdentificationResult {
        candidates = List.copyOf(candidates);
    }
}
