package org.safereg.registration.biometrics;

import java.util.List;
import java.util.Objects;
import org.safereg.keys.SubjectId;
import org.safereg.matching.FingerScore;
import org.safereg.matching.ScoreFusion;

/**
 * Result of a 1:1 verification of presented fingers against a claimed person.
 *
 * @param match whether {@code score >= threshold}
 * @param score fused score over the presented fingers
 * @param threshold the threshold applied (it depends on the number of fingers presented)
 * @param fusion how per-finger scores were combined
 * @param fingers best score of each presented finger against the person's enrolled fingers
 */
public record BiometricVerification(SubjectId subject, boolean match, double score, double threshold,
                                    ScoreFusion fusion, List<FingerScore> fingers) {
    public BiometricVerification {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(fusion, "fusion");
        fingers = List.copyOf(fingers);
    }
}
