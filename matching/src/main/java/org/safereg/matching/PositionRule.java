package org.safereg.matching;

/** Which enrolled fingers a probe finger is compared with. */
public enum PositionRule {
	/**
	 * Only the enrolled finger at the same position (positions UNKNOWN on either side compare with everything).
	 * One comparison per probe finger and person: the fastest and the fewest chances of a false match.
	 */
	SAME_POSITION,
	/**
	 * Every enrolled finger, to tolerate mislabelled positions at capture. Up to 10 comparisons per probe finger
	 * and person: up to 10x slower and up to 10x the false-match rate per finger at the same threshold.
	 */
	ANY_POSITION;

	boolean comparable(FingerPosition probe, FingerPosition enrolled) {
		return this == ANY_POSITION || probe.compatibleWith(enrolled);
	}
}
