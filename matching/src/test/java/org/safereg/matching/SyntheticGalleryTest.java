package org.safereg.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safereg.matching.synthetic.SyntheticFinger;
import org.safereg.matching.synthetic.SyntheticFingerprintGenerator;

/**
 * Gallery pipeline on synthetic prints, so search, removal and verification are exercised even without the
 * shared real images. Pipeline checks only: synthetic prints say nothing about accuracy.
 */
class SyntheticGalleryTest {
	private static final int PERSONS = 6;
	private static final List<List<Finger>> enrolled = new ArrayList<>();
	private static final List<List<Finger>> probes = new ArrayList<>();
	private static final List<UUID> ids = new ArrayList<>();
	private static FingerprintGallery gallery;

	@BeforeAll
	static void enrol() throws FingerprintRejectedException {
		SyntheticFingerprintGenerator generator = new SyntheticFingerprintGenerator(314);
		TemplateExtractor extractor = new TemplateExtractor();
		gallery = new FingerprintGallery(2);
		for (int p = 0; p < PERSONS; ++p) {
			List<Finger> first = new ArrayList<>(), second = new ArrayList<>();
			FingerPosition[] positions = { FingerPosition.RIGHT_THUMB, FingerPosition.LEFT_THUMB };
			for (int f = 0; f < 2; ++f) {
				SyntheticFinger finger = generator.finger(2 * p + f);
				first.add(extractor.extract(generator.impression(finger, 0).toPng(), positions[f]).finger());
				second.add(extractor.extract(generator.impression(finger, 1).toPng(), positions[f]).finger());
			}
			UUID id = UUID.randomUUID();
			ids.add(id);
			enrolled.add(first);
			probes.add(second);
			gallery.enroll(id, first);
		}
	}

	@AfterAll
	static void close() {
		gallery.close();
	}

	@Test
	void secondImpressionRanksItsPersonFirst() {
		for (int p = 0; p < PERSONS; ++p) {
			List<Candidate> candidates = gallery.search(Probe.of(probes.get(p)), SearchOptions.identification());
			assertThat(candidates).as("person %d", p).isNotEmpty();
			assertThat(candidates.get(0).subject()).isEqualTo(ids.get(p));
			assertThat(candidates.get(0).fingers()).extracting(FingerScore::enrolledPosition)
					.containsExactly(FingerPosition.RIGHT_THUMB, FingerPosition.LEFT_THUMB);
		}
	}

	@Test
	void removedPersonIsNotFoundAndCanReturn() {
		try (FingerprintGallery g = new FingerprintGallery(2)) {
			UUID id = UUID.randomUUID();
			g.enroll(id, enrolled.get(0));
			g.enroll(UUID.randomUUID(), enrolled.get(1));
			Probe probe = Probe.of(probes.get(0));
			assertThat(g.search(probe, SearchOptions.identification())).extracting(Candidate::subject).contains(id);
			assertThat(g.remove(id)).isTrue();
			assertThat(g.search(probe, SearchOptions.identification())).extracting(Candidate::subject).doesNotContain(id);
			assertThat(g.verify(id, probe, SearchOptions.verification())).isEmpty();
			g.enroll(id, enrolled.get(0));
			assertThat(g.verify(id, probe, SearchOptions.verification()).orElseThrow().match()).isTrue();
		}
	}

	@Test
	void verificationUsesTheThresholdGiven() {
		Probe probe = Probe.of(probes.get(2));
		Verification v = gallery.verify(ids.get(2), probe, SearchOptions.verification()).orElseThrow();
		assertThat(v.match()).isTrue();
		assertThat(v.threshold()).isEqualTo(SearchOptions.DEFAULT_VERIFICATION_THRESHOLD);
		Verification strict = gallery.verify(ids.get(2), probe, SearchOptions.verification().withThreshold(v.score() + 1)).orElseThrow();
		assertThat(strict.match()).isFalse();
		assertThat(strict.score()).isEqualTo(v.score());
	}
}
