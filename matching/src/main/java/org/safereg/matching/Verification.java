package org.safereg.matching;

import java.util.List;
import java.util.UUID;

/**
 * Result of a 1:1 verification of probe fingers against one enrolled person.
 *
 * @param subject
 *            the claimed subject id
 * @param match
 *            whether {@code score >= threshold}
 * @param score
 *            fused score
 * @param threshold
 *            threshold that was applied
 * @param fusion
 *            fusion rule that was applied
 * @param fingers
 *            best score per probe finger
 */
public record Verification(UUID subject, boolean match, double score, double threshold, ScoreFusion fusion, List<FingerScore> fingers) {
	public Verification {
		fingers = List.copyOf(fingers);
	}
}
