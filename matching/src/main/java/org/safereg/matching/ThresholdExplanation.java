package org.safereg.matching;

/**
 * What a threshold means at a gallery size, per the model in {@link Thresholds}.
 *
 * @param threshold
 *            fused score threshold
 * @param fusion
 *            fusion rule
 * @param probeFingers
 *            number of probe fingers
 * @param comparisonsPerFinger
 *            enrolled fingers compared with each probe finger
 * @param fmrPerComparison
 *            {@code 10^(-threshold/10)}
 * @param falseMatchRatePerPerson
 *            modelled probability that one non-mated person reaches the threshold
 * @param galleryPersons
 *            gallery size N
 * @param expectedFalseCandidates
 *            N x per-person false-match rate
 * @param text
 *            one-sentence explanation for operators
 */
public record ThresholdExplanation(double threshold, ScoreFusion fusion, int probeFingers, int comparisonsPerFinger, double fmrPerComparison,
		double falseMatchRatePerPerson, long galleryPersons, double expectedFalseCandidates, String text) {
}
