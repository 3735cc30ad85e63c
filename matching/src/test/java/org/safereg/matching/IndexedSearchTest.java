package org.safereg.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.machinezoo.sourceafis.FingerprintTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safereg.matching.bench.NonMatePadding;
import org.safereg.matching.synthetic.SyntheticFingerprintGenerator;
import org.safereg.matching.tools.AccuracySurvey;

/**
 * Indexed search ({@link SearchStrategy#INDEXED}) against brute force on the same gallery: it must find every mate
 * brute force ranks first, and the index must stay in step with enrolment, replacement and removal. Accuracy
 * tests use the shared real images (skipped when absent); the bookkeeping test runs on synthetic prints.
 */
class IndexedSearchTest {
	private static final int PADDING = 1000;

	/** Pads of mirrored chimeras of the bases (never mated with a probe), two per person. */
	private static Map<UUID, List<Finger>> padding(List<FingerprintTemplate> bases, int persons, FingerPosition first, FingerPosition second) {
		NonMatePadding padding = new NonMatePadding(bases, 11);
		Map<UUID, List<Finger>> pads = new LinkedHashMap<>();
		for (int i = 0; i < persons; ++i)
			pads.put(new UUID(1, i), second == null ? List.of(new Finger(first, padding.pad(i)))
					: List.of(new Finger(first, padding.pad(2L * i)), new Finger(second, padding.pad(2L * i + 1))));
		return pads;
	}

	/** Asserts that the indexed search returns the brute-force top candidate whenever that is the mate. */
	private static int assertIndexedFindsBruteForceHits(FingerprintGallery gallery, Map<UUID, List<Probe>> probesByMate, SearchOptions indexed) {
		SearchOptions bruteForce = indexed.withStrategy(SearchStrategy.BRUTE_FORCE);
		int hits = 0;
		for (Map.Entry<UUID, List<Probe>> e : probesByMate.entrySet())
			for (Probe probe : e.getValue()) {
				List<Candidate> reference = gallery.search(probe, bruteForce);
				if (reference.isEmpty() || !reference.get(0).subject().equals(e.getKey()))
					continue;
				++hits;
				List<Candidate> found = gallery.search(probe, indexed);
				assertThat(found).as("indexed search for %s", e.getKey()).isNotEmpty();
				assertThat(found.get(0)).isEqualTo(reference.get(0));
			}
		return hits;
	}

	@Test
	void indexedSearchFindsEveryBruteForceHitOnTheSourceafisSamples() throws Exception {
		TemplateExtractor extractor = AccuracySurvey.extractor();
		Finger probe = extractor.extract(SharedFingerprints.read("sourceafis-samples/probe.png"), FingerPosition.RIGHT_INDEX).finger();
		Finger mate = extractor.extract(SharedFingerprints.read("sourceafis-samples/matching.png"), FingerPosition.RIGHT_INDEX).finger();
		Finger other = extractor.extract(SharedFingerprints.read("sourceafis-samples/nonmatching.png"), FingerPosition.RIGHT_INDEX).finger();
		try (FingerprintGallery gallery = new FingerprintGallery(2)) {
			gallery.enrollAll(padding(List.of(probe.template(), mate.template(), other.template()), PADDING, FingerPosition.RIGHT_INDEX, null));
			UUID mateId = UUID.randomUUID(), otherId = UUID.randomUUID();
			gallery.enroll(mateId, List.of(mate));
			gallery.enroll(otherId, List.of(other));
			SearchOptions options = SearchOptions.identification().withThreshold(0).withDepth(CandidateDepth.uniform(0.01, 1));
			int depth = (int)Math.ceil(0.01 * (PADDING + 2));
			assertThat(gallery.indexStage(Probe.of(probe), options)).get().extracting(r -> r.candidates().length).isEqualTo(depth);
			int hits = assertIndexedFindsBruteForceHits(gallery, Map.of(mateId, List.of(Probe.of(probe))), options);
			assertThat(hits).isEqualTo(1);
		}
	}

	@Test
	void indexedSearchFindsEveryBruteForceHitOnADevSet() throws Exception {
		var root = SharedFingerprints.require("dev-sets/FVC2002_DB1_B").getParent().getParent();
		List<List<FingerprintTemplate>> fingers = AccuracySurvey.load(AccuracySurvey.extractor(), root, "FVC2002_DB1_B");
		List<FingerprintTemplate> bases = fingers.stream().flatMap(List::stream).toList();
		int n = fingers.size();
		// Two-finger persons: fingers (i, i+1 mod n) at two positions, impression 1 enrolled, 2..8 as probes.
		try (FingerprintGallery twoFingers = new FingerprintGallery(2); FingerprintGallery oneFinger = new FingerprintGallery(2)) {
			twoFingers.enrollAll(padding(bases, PADDING, FingerPosition.RIGHT_THUMB, FingerPosition.RIGHT_INDEX));
			oneFinger.enrollAll(padding(bases, PADDING, FingerPosition.RIGHT_THUMB, null));
			Map<UUID, List<Probe>> twoFingerProbes = new LinkedHashMap<>(), oneFingerProbes = new LinkedHashMap<>();
			for (int i = 0; i < n; ++i) {
				List<FingerprintTemplate> a = fingers.get(i), b = fingers.get((i + 1) % n);
				UUID id = new UUID(2, i);
				twoFingers.enroll(id, List.of(new Finger(FingerPosition.RIGHT_THUMB, a.get(0)), new Finger(FingerPosition.RIGHT_INDEX, b.get(0))));
				oneFinger.enroll(id, List.of(new Finger(FingerPosition.RIGHT_THUMB, a.get(0))));
				List<Probe> two = new ArrayList<>(), one = new ArrayList<>();
				for (int j = 1; j < a.size(); ++j) {
					two.add(Probe.of(new Finger(FingerPosition.RIGHT_THUMB, a.get(j)), new Finger(FingerPosition.RIGHT_INDEX, b.get(j))));
					one.add(Probe.of(new Finger(FingerPosition.RIGHT_THUMB, a.get(j))));
				}
				twoFingerProbes.put(id, two);
				oneFingerProbes.put(id, one);
			}
			SearchOptions options = SearchOptions.identification().withThreshold(0);
			// Depths as documented, with the minimum lowered so this 1,000-person gallery is not searched in full.
			int twoHits = assertIndexedFindsBruteForceHits(twoFingers, twoFingerProbes, options.withDepth(CandidateDepth.uniform(CandidateDepth.DEFAULT.fraction(), 1)));
			int oneHits = assertIndexedFindsBruteForceHits(oneFinger, oneFingerProbes, options.withDepth(CandidateDepth.uniform(CandidateDepth.DEFAULT.singleFingerFraction(), 1)));
			// Brute force ranks most mates first (FVC2002 DB1_B is hard: a few impressions are partial or dry).
			assertThat(twoHits).isGreaterThan(60);
			assertThat(oneHits).isGreaterThan(55);
		}
	}

	@Test
	void indexStaysInStepWithEnrolmentReplacementAndRemoval() throws Exception {
		SyntheticFingerprintGenerator generator = new SyntheticFingerprintGenerator(99);
		TemplateExtractor extractor = new TemplateExtractor();
		List<FingerprintTemplate> bases = new ArrayList<>();
		for (int i = 0; i < 3; ++i)
			bases.add(extractor.extract(generator.impression(generator.finger(i), 0).toPng(), FingerPosition.UNKNOWN).template());
		Finger mate = new Finger(FingerPosition.LEFT_INDEX, bases.get(0));
		try (FingerprintGallery gallery = new FingerprintGallery(2)) {
			Map<UUID, List<Finger>> pads = padding(bases, 300, FingerPosition.RIGHT_INDEX, FingerPosition.LEFT_INDEX);
			gallery.enrollAll(pads);
			List<UUID> ids = new ArrayList<>(pads.keySet());
			long postingsBefore = gallery.index().postings();
			// Replace a third with other fingers, remove a third, and check the index against the gallery each time.
			for (int i = 0; i < 100; ++i)
				gallery.enroll(ids.get(i), pads.get(ids.get(299 - i)));
			for (int i = 100; i < 200; ++i)
				assertThat(gallery.remove(ids.get(i))).isTrue();
			assertThat(gallery.remove(ids.get(150))).isFalse();
			Set<UUID> expected = new HashSet<>(ids.subList(0, 100));
			expected.addAll(ids.subList(200, 300));
			assertThat(gallery.index().subjects()).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(gallery.size()).isEqualTo(200);
			long expectedPostings = 0;
			for (UUID id : expected)
				for (Finger f : gallery.contains(id) ? (ids.indexOf(id) < 100 ? pads.get(ids.get(299 - ids.indexOf(id))) : pads.get(id)) : List.<Finger>of())
					expectedPostings += CylinderIndex.keys(f.template()).length;
			assertThat(gallery.index().postings()).isEqualTo(expectedPostings).isLessThan(postingsBefore);

			// A person enrolled after the churn is found through the index; after removal no longer; brute force agrees.
			SearchOptions indexed = SearchOptions.identification().withThreshold(40).withDepth(CandidateDepth.uniform(0.05, 1));
			Probe probe = Probe.of(mate);
			UUID id = UUID.randomUUID();
			gallery.enroll(id, List.of(mate));
			assertThat(gallery.indexStage(probe, indexed)).get().extracting(r -> r.candidates().length).isEqualTo(11);
			assertThat(gallery.search(probe, indexed)).extracting(Candidate::subject).containsExactly(id);
			assertThat(gallery.search(probe, indexed.withStrategy(SearchStrategy.BRUTE_FORCE))).extracting(Candidate::subject).containsExactly(id);
			gallery.remove(id);
			assertThat(gallery.search(probe, indexed)).isEmpty();
			assertThat(gallery.index().subjects()).doesNotContain(id).hasSize(200);
			// Removing everyone empties the index.
			for (UUID left : expected)
				gallery.remove(left);
			assertThat(gallery.index().postings()).isZero();
			assertThat(gallery.index().persons()).isZero();
		}
	}

	@Test
	void smallGalleriesAndBruteForceStrategyScanEveryone() throws Exception {
		SyntheticFingerprintGenerator generator = new SyntheticFingerprintGenerator(5);
		TemplateExtractor extractor = new TemplateExtractor();
		List<FingerprintTemplate> bases = new ArrayList<>();
		for (int i = 0; i < 2; ++i)
			bases.add(extractor.extract(generator.impression(generator.finger(i), 0).toPng(), FingerPosition.UNKNOWN).template());
		try (FingerprintGallery gallery = new FingerprintGallery(2)) {
			gallery.enrollAll(padding(bases, 50, FingerPosition.RIGHT_INDEX, null));
			Probe probe = Probe.of(new Finger(FingerPosition.RIGHT_INDEX, bases.get(0)));
			SearchOptions options = SearchOptions.identification().withThreshold(0).withMaxCandidates(100);
			// The default minimum depth (1,000 persons) covers this gallery: no index stage, exactly brute force.
			assertThat(gallery.indexStage(probe, options)).isEmpty();
			assertThat(gallery.indexStage(probe, options.withDepth(CandidateDepth.uniform(0.1, 1)))).isPresent();
			assertThat(gallery.indexStage(probe, options.withDepth(CandidateDepth.uniform(0.1, 1)).withStrategy(SearchStrategy.BRUTE_FORCE))).isEmpty();
			List<Candidate> all = gallery.search(probe, options.withStrategy(SearchStrategy.BRUTE_FORCE));
			assertThat(all).hasSize(50);
			assertThat(gallery.search(probe, options)).isEqualTo(all);
			List<Candidate> indexed = gallery.search(probe, options.withDepth(CandidateDepth.uniform(0.1, 1)));
			assertThat(indexed).hasSize(5);
			assertThat(all).containsAll(indexed);
		}
	}

	@Test
	void singleFingerProbesAreSearchedDeeper() throws Exception {
		SyntheticFingerprintGenerator generator = new SyntheticFingerprintGenerator(6);
		TemplateExtractor extractor = new TemplateExtractor();
		List<FingerprintTemplate> bases = new ArrayList<>();
		for (int i = 0; i < 2; ++i)
			bases.add(extractor.extract(generator.impression(generator.finger(i), 0).toPng(), FingerPosition.UNKNOWN).template());
		try (FingerprintGallery gallery = new FingerprintGallery(2)) {
			gallery.enrollAll(padding(bases, 200, FingerPosition.RIGHT_THUMB, FingerPosition.RIGHT_INDEX));
			SearchOptions options = SearchOptions.identification().withDepth(new CandidateDepth(0.05, 0.25, 1));
			Probe one = Probe.of(new Finger(FingerPosition.RIGHT_THUMB, bases.get(0)));
			Probe two = Probe.of(new Finger(FingerPosition.RIGHT_THUMB, bases.get(0)), new Finger(FingerPosition.RIGHT_INDEX, bases.get(1)));
			assertThat(gallery.indexStage(one, options)).get().extracting(r -> r.candidates().length).isEqualTo(50);
			assertThat(gallery.indexStage(two, options)).get().extracting(r -> r.candidates().length).isEqualTo(10);
			// The minimum applies to both.
			SearchOptions deep = options.withDepth(new CandidateDepth(0.05, 0.25, 80));
			assertThat(gallery.indexStage(one, deep)).get().extracting(r -> r.candidates().length).isEqualTo(80);
			assertThat(gallery.indexStage(two, deep)).get().extracting(r -> r.candidates().length).isEqualTo(80);
			assertThatThrownBy(() -> new CandidateDepth(0.05, 0, 1)).isInstanceOf(IllegalArgumentException.class);
		}
	}
}
