package org.safereg.matching.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safereg.matching.ExtractedFinger;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.TemplateExtractor;

/** Pipeline checks of the synthetic generator (never accuracy claims). */
class SyntheticFingerprintGeneratorTest {
	private static final int FINGERS = 6;

	@Test
	void sameSeedGivesSamePixels() {
		SyntheticFingerprintGenerator a = new SyntheticFingerprintGenerator(7);
		SyntheticFingerprintGenerator b = new SyntheticFingerprintGenerator(7);
		assertThat(a.impression(a.finger(3), 1).pixels()).isEqualTo(b.impression(b.finger(3), 1).pixels());
		assertThat(a.impression(a.finger(3), 1).pixels()).isNotEqualTo(a.impression(a.finger(3), 2).pixels());
		assertThat(a.finger(3).ridges()).isNotEqualTo(new SyntheticFingerprintGenerator(8).finger(3).ridges());
	}

	@Test
	void patternClassesVary() {
		SyntheticFingerprintGenerator generator = new SyntheticFingerprintGenerator(1);
		Set<PatternClass> seen = EnumSet.noneOf(PatternClass.class);
		for (int i = 0; i < 12; ++i)
			seen.add(generator.finger(i).pattern());
		assertThat(seen.size()).isGreaterThanOrEqualTo(2);
	}

	/**
	 * Every impression passes the default quality gate with more than 20 minutiae; each genuine pair outscores all
	 * impostor pairs of its finger in most cases.
	 */
	@Test
	void impressionsExtractAndGenuinePairsScoreHigher() throws Exception {
		SyntheticFingerprintGenerator generator = new SyntheticFingerprintGenerator(2026);
		TemplateExtractor extractor = new TemplateExtractor();
		FingerprintTemplate[][] templates = new FingerprintTemplate[FINGERS][2];
		for (int f = 0; f < FINGERS; ++f) {
			SyntheticFinger finger = generator.finger(f);
			for (int i = 0; i < 2; ++i) {
				ExtractedFinger extracted = extractor.extract(generator.impression(finger, i).toPng(), FingerPosition.UNKNOWN, 500);
				assertThat(extracted.quality().minutiae()).as("finger %d impression %d", f, i).isGreaterThan(20);
				templates[f][i] = extracted.template();
			}
		}
		int genuineWins = 0;
		for (int f = 0; f < FINGERS; ++f) {
			FingerprintMatcher matcher = new FingerprintMatcher(templates[f][0]);
			double genuine = matcher.match(templates[f][1]);
			double bestImpostor = 0;
			for (int o = 0; o < FINGERS; ++o)
				if (o != f)
					bestImpostor = Math.max(bestImpostor, matcher.match(templates[o][1]));
			if (genuine > bestImpostor)
				++genuineWins;
		}
		assertThat(genuineWins).isGreaterThanOrEqualTo(FINGERS - 1);
	}
}
