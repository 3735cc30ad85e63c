package org.safereg.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThresholdsTest {
	@Test
	void scoreAndFmrAreInverse() {
		assertThat(Thresholds.fmrOfScore(40)).isCloseTo(1e-4, within(1e-12));
		assertThat(Thresholds.scoreForFmr(1e-4)).isCloseTo(40, within(1e-9));
		assertThat(Thresholds.fmrOfScore(-5)).isEqualTo(1);
	}

	@Test
	void singleFingerModelIsTheFmr() {
		for (ScoreFusion fusion : ScoreFusion.values())
			assertThat(Thresholds.personFalseMatchRate(40, 1, 1, fusion)).isCloseTo(1e-4, within(1e-10));
	}

	@Test
	void sumOfTwoFingersFollowsGammaTail() {
		// x = 70 ln(10)/10 = 16.118; P = e^-x (1 + x) = 1e-7 * 17.118
		assertThat(Thresholds.personFalseMatchRate(70, 2, 1, ScoreFusion.SUM)).isCloseTo(1.7118e-6, within(1e-9));
		// MAX over two fingers: 1 - (1 - 1e-7)^2 ~ 2e-7
		assertThat(Thresholds.personFalseMatchRate(70, 2, 1, ScoreFusion.MAX)).isCloseTo(2e-7, within(1e-11));
	}

	@Test
	void moreComparisonsMeanMoreFalseMatches() {
		double same = Thresholds.personFalseMatchRate(70, 2, 1, ScoreFusion.SUM);
		double any = Thresholds.personFalseMatchRate(70, 2, 10, ScoreFusion.SUM);
		assertThat(any).isGreaterThan(50 * same);
		assertThat(Thresholds.personFalseMatchRate(70, 3, 1, ScoreFusion.SUM)).isGreaterThan(same);
	}

	@Test
	void explanationScalesWithGallerySize() {
		ThresholdExplanation small = Thresholds.explain(70, 10_000, 2, 1, ScoreFusion.SUM);
		ThresholdExplanation large = Thresholds.explain(70, 100_000, 2, 1, ScoreFusion.SUM);
		assertThat(large.expectedFalseCandidates()).isCloseTo(10 * small.expectedFalseCandidates(), within(1e-12));
		assertThat(large.expectedFalseCandidates()).isCloseTo(0.171, within(0.001));
		assertThat(large.text()).contains("100000 persons").contains("0.171");
	}

	@Test
	void thresholdForGalleryInvertsTheModel() {
		double t = Thresholds.thresholdFor(100_000, 2, 1, ScoreFusion.SUM, 0.1);
		assertThat(Thresholds.explain(t, 100_000, 2, 1, ScoreFusion.SUM).expectedFalseCandidates()).isLessThanOrEqualTo(0.1);
		assertThat(Thresholds.explain(t - 0.2, 100_000, 2, 1, ScoreFusion.SUM).expectedFalseCandidates()).isGreaterThan(0.1);
		assertThat(Thresholds.thresholdFor(1_000_000, 2, 1, ScoreFusion.SUM, 0.1)).isGreaterThan(t);
	}

	@Test
	void defaultsMatchTheirDocumentation() {
		assertThat(Thresholds.explain(SearchOptions.DEFAULT_IDENTIFICATION_THRESHOLD, 10_000, 2, 1, ScoreFusion.SUM).expectedFalseCandidates())
				.isCloseTo(0.017, within(0.001));
		assertThat(Thresholds.personFalseMatchRate(SearchOptions.DEFAULT_VERIFICATION_THRESHOLD, 2, 1, ScoreFusion.SUM)).isCloseTo(1.25e-4, within(1e-6));
	}
}
