package org.safereg.matching;

/**
 * How many persons an indexed search passes from the cylinder index to SourceAFIS: {@code max(fraction x
 * gallery persons, minimum)}, and the whole gallery when that is at least its size (then the search is exactly
 * brute force). See docs/biometrics.md, "Indexed search", for the measured hit rate at each depth.
 *
 * @param fraction
 *            share of the gallery's persons, in (0, 1]
 * @param minimum
 *            at least this many persons (small galleries are searched in full)
 */
public record CandidateDepth(double fraction, int minimum) {
	/**
	 * Default: 5% of the gallery, at least 1,000 persons. Measured on the dev sets padded to 10,000 and 100,000
	 * persons (docs/benchmarks.md, section 4): 2-finger probes kept every brute-force rank-1 hit from about 2%;
	 * single fingers need about 20% (use {@link #singleFinger()}). Galleries of up to 1,000 persons are searched
	 * in full.
	 */
	public static final CandidateDepth DEFAULT = new CandidateDepth(0.05, 1000);

	public CandidateDepth {
		if (!(fraction > 0 && fraction <= 1))
			throw new IllegalArgumentException("Depth fraction must be in (0, 1]");
		if (minimum < 1)
			throw new IllegalArgumentException("Depth minimum must be at least 1");
	}

	/** Depth suggested for single-finger probes: 20% of the gallery, at least 1,000 persons. */
	public static CandidateDepth singleFinger() {
		return new CandidateDepth(0.2, 1000);
	}

	/** Number of persons to pass to SourceAFIS in a gallery of {@code persons}. */
	public int persons(int persons) {
		return (int)Math.min(persons, Math.max(minimum, Math.ceil(fraction * persons)));
	}
}
