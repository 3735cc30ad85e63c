package org.safereg.matching;

/**
 * How many persons an indexed search passes from the cylinder index to SourceAFIS: {@code max(fraction x
 * gallery persons, minimum)}, with a larger fraction for single-finger probes, and the whole gallery when that is
 * at least its size (then the search is exactly brute force). See docs/biometrics.md, "Indexed search", for the
 * measured hit rate at each depth.
 *
 * @param fraction
 *            share of the gallery's persons for probes of two or more fingers, in (0, 1]
 * @param singleFingerFraction
 *            share for single-finger probes, in (0, 1]: one finger is weaker evidence, so its mate ranks lower in
 *            the index
 * @param minimum
 *            at least this many persons (small galleries are searched in full)
 */
public record CandidateDepth(double fraction, double singleFingerFraction, int minimum) {
	/**
	 * Default: 3% of the gallery for 2+ finger probes, 20% for single fingers, at least 1,000 persons. Measured on
	 * the dev sets padded to 10,000 and 100,000 persons (docs/benchmarks.md, section 4): 2-finger probes kept every
	 * brute-force rank-1 hit at 100,000 persons from 1% (one of 252 lost at 10,000 persons at any depth below 20%);
	 * single fingers lost none at 20%. Galleries of up to 1,000 persons are searched in full.
	 */
	public static final CandidateDepth DEFAULT = new CandidateDepth(0.03, 0.2, 1000);

	public CandidateDepth {
		if (!(fraction > 0 && fraction <= 1) || !(singleFingerFraction > 0 && singleFingerFraction <= 1))
			throw new IllegalArgumentException("Depth fractions must be in (0, 1]");
		if (minimum < 1)
			throw new IllegalArgumentException("Depth minimum must be at least 1");
	}

	/** The same fraction for every probe size. */
	public static CandidateDepth uniform(double fraction, int minimum) {
		return new CandidateDepth(fraction, fraction, minimum);
	}

	/** Number of persons to pass to SourceAFIS for a probe of {@code probeFingers} in a gallery of {@code persons}. */
	public int persons(int persons, int probeFingers) {
		double share = probeFingers == 1 ? singleFingerFraction : fraction;
		return (int)Math.min(persons, Math.max(minimum, Math.ceil(share * persons)));
	}
}
