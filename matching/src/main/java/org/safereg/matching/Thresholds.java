package org.safereg.matching;

import java.util.Locale;

/**
 * Explains thresholds in terms of false matches, so operators can choose one for their gallery size.
 * <p>
 * Model: a SourceAFIS score {@code s} of one non-mated comparison exceeds {@code t} with probability about
 * {@code FMR(t) = 10^(-t/10)} (40 ~ 1e-4), i.e. impostor scores have an exponential tail with rate
 * {@code λ = ln(10)/10}. Then, for {@code k} probe fingers compared with one enrolled finger each:
 * <ul>
 * <li>{@link ScoreFusion#SUM}: the sum of {@code k} independent exponential tails is a Gamma(k, λ) tail,
 * {@code P(S >= t) = e^(-λt) * Σ_{i<k} (λt)^i / i!};</li>
 * <li>{@link ScoreFusion#MAX}: {@code P = 1 - (1 - FMR(t))^k}.</li>
 * </ul>
 * When each probe finger is compared with {@code m} enrolled fingers ({@link PositionRule#ANY_POSITION}), each
 * per-finger best has about {@code m} times the tail, which shifts the threshold by {@code 10*log10(m)} per
 * finger. A 1:N search over {@code N} persons then returns about {@code N * P} false candidates.
 * <p>
 * This is a model: real impostor distributions depend on capture quality and on correlation between fingers
 * of one person. docs/biometrics.md compares it with measured impostor scores. Pure functions, thread-safe.
 */
public final class Thresholds {
	private static final double LAMBDA = Math.log(10) / 10;

	private Thresholds() {
	}

	/** FMR of one comparison at a score threshold: {@code 10^(-score/10)}, capped at 1. */
	public static double fmrOfScore(double score) {
		return Math.min(1, Math.pow(10, -score / 10));
	}

	/** Score threshold for a per-comparison FMR: {@code 10*log10(1/fmr)}. */
	public static double scoreForFmr(double fmr) {
		if (!(fmr > 0 && fmr <= 1))
			throw new IllegalArgumentException("FMR must be in (0, 1]");
		return -10 * Math.log10(fmr);
	}

	/**
	 * Modelled probability that a non-mated person reaches the threshold.
	 *
	 * @param probeFingers
	 *            number of probe fingers k (1 to 10)
	 * @param comparisonsPerFinger
	 *            enrolled fingers compared with each probe finger m (1 for SAME_POSITION)
	 */
	public static double personFalseMatchRate(double threshold, int probeFingers, int comparisonsPerFinger, ScoreFusion fusion) {
		if (probeFingers < 1 || comparisonsPerFinger < 1)
			throw new IllegalArgumentException("At least one finger and one comparison");
		if (fusion == ScoreFusion.MAX) {
			double perFinger = 1 - Math.pow(1 - fmrOfScore(threshold), comparisonsPerFinger);
			return 1 - Math.pow(1 - perFinger, probeFingers);
		}
		double shifted = threshold - probeFingers * 10 * Math.log10(comparisonsPerFinger);
		if (shifted <= 0)
			return 1;
		double x = LAMBDA * shifted;
		double term = 1;
		double sum = 1;
		for (int i = 1; i < probeFingers; ++i) {
			term *= x / i;
			sum += term;
		}
		return Math.min(1, Math.exp(-x) * sum);
	}

	/** Explains a threshold at a gallery size (see the class comment for the model). */
	public static ThresholdExplanation explain(double threshold, long galleryPersons, int probeFingers, int comparisonsPerFinger, ScoreFusion fusion) {
		double person = personFalseMatchRate(threshold, probeFingers, comparisonsPerFinger, fusion);
		double expected = galleryPersons * person;
		String text = String.format(Locale.ROOT,
				"Threshold %.1f with %s fusion of %d probe finger(s), %d comparison(s) per finger: FMR per comparison %.1e, "
						+ "false-match probability per person %.1e; a search of %d persons returns about %.3g false candidates"
						+ " (one every %.3g searches).",
				threshold, fusion, probeFingers, comparisonsPerFinger, fmrOfScore(threshold), person, galleryPersons, expected,
				expected > 0 ? 1 / expected : Double.POSITIVE_INFINITY);
		return new ThresholdExplanation(threshold, fusion, probeFingers, comparisonsPerFinger, fmrOfScore(threshold), person, galleryPersons, expected, text);
	}

	/**
	 * Lowest threshold (to 0.1) whose modelled expected number of false candidates per search of {@code galleryPersons}
	 * stays at or below {@code maxFalseCandidates}.
	 */
	public static double thresholdFor(long galleryPersons, int probeFingers, int comparisonsPerFinger, ScoreFusion fusion, double maxFalseCandidates) {
		if (galleryPersons < 1 || !(maxFalseCandidates > 0))
			throw new IllegalArgumentException("Gallery size and allowed false candidates must be positive");
		double low = 0, high = 1000;
		while (high - low > 0.05) {
			double mid = (low + high) / 2;
			if (galleryPersons * personFalseMatchRate(mid, probeFingers, comparisonsPerFinger, fusion) <= maxFalseCandidates)
				high = mid;
			else
				low = mid;
		}
		return Math.ceil(high * 10) / 10;
	}
}
