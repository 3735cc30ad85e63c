package org.safereg.matching;

/**
 * How per-finger scores combine into one person score. For each probe finger the best score over the
 * person's comparable enrolled fingers is taken first (see {@link PositionRule}); the fusion then combines
 * those per-finger bests.
 */
public enum ScoreFusion {
	/**
	 * Sum of the best score of each probe finger (the rule suggested by the SourceAFIS author). SourceAFIS scores
	 * behave roughly like {@code 10*log10(1/FMR)}, so for independent fingers the sum behaves like the score of
	 * the product of the FMRs: evidence from several fingers accumulates. Thresholds for SUM must grow with the
	 * number of probe fingers; {@link Thresholds} computes them.
	 */
	SUM,
	/**
	 * Maximum over probe fingers of their best score. Robust when some probe fingers are of poor quality, but
	 * ignores corroboration and its false-match rate grows with the number of fingers compared.
	 */
	MAX;

	double fuse(double[] bestPerFinger, int count) {
		double result = 0;
		for (int i = 0; i < count; ++i)
			result = this == SUM ? result + bestPerFinger[i] : Math.max(result, bestPerFinger[i]);
		return result;
	}
}
