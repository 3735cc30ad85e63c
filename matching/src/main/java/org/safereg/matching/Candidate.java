package org.safereg.matching;

import java.util.List;
import java.util.UUID;

/**
 * A person returned by a 1:N search: fused score at or above the threshold.
 *
 * @param subject
 *            the caller's opaque subject id
 * @param score
 *            fused person score (see {@link ScoreFusion})
 * @param fingers
 *            best score of each probe finger that had a comparable enrolled finger, in probe order
 */
public record Candidate(UUID subject, double score, List<FingerScore> fingers) {
	public Candidate {
		fingers = List.copyOf(fingers);
	}
}
