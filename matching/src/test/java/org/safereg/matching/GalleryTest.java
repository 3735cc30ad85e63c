package org.safereg.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gallery behaviour on real captures: FVC2002 DB1_B fingers 101-110, impressions 1 (enrolled) and 2 (probes).
 * Persons are pairs of distinct fingers (right index + left index). Skipped without the shared images.
 */
class GalleryTest {
	private static final int PERSONS = 5;
	private static final Map<String, Finger> cache = new ConcurrentHashMap<>();
	private static FingerprintGallery gallery;
	private static final List<UUID> ids = new ArrayList<>();

	static Finger finger(int finger, int impression, FingerPosition position) {
		Finger template = cache.computeIfAbsent(finger + "_" + impression, key -> {
			try {
				return new TemplateExtractor().extract(SharedFingerprints.read("dev-sets/FVC2002_DB1_B/" + key + ".tif"), position).finger();
			} catch (FingerprintRejectedException e) {
				throw new AssertionError(key + " rejected: " + e.reason());
			}
		});
		return new Finger(position, template.template());
	}

	static List<Finger> person(int index, int impression) {
		return List.of(finger(101 + 2 * index, impression, FingerPosition.RIGHT_INDEX), finger(102 + 2 * index, impression, FingerPosition.LEFT_INDEX));
	}

	@BeforeAll
	static void enrol() {
		if (SharedFingerprints.root().isEmpty())
			return; // each test then reports itself as skipped in requireImages()
		gallery = new FingerprintGallery(2);
		for (int i = 0; i < PERSONS; ++i) {
			UUID id = new UUID(0, i + 1);
			ids.add(id);
			gallery.enroll(id, person(i, 1));
		}
	}

	@BeforeEach
	void requireImages() {
		SharedFingerprints.require("dev-sets/FVC2002_DB1_B");
	}

	@AfterAll
	static void close() {
		if (gallery != null)
			gallery.close();
	}

	@Test
	void secondImpressionsFindTheirPerson() {
		SearchOptions options = SearchOptions.identification().withThreshold(40);
		for (int i = 0; i < PERSONS; ++i) {
			List<Candidate> candidates = gallery.search(Probe.of(person(i, 2)), options);
			assertThat(candidates).as("person %d", i).isNotEmpty();
			assertThat(candidates.get(0).subject()).isEqualTo(ids.get(i));
			assertThat(candidates.get(0).fingers()).extracting(FingerScore::probePosition)
					.containsExactly(FingerPosition.RIGHT_INDEX, FingerPosition.LEFT_INDEX);
			assertThat(candidates.get(0).score()).isEqualTo(candidates.get(0).fingers().stream().mapToDouble(FingerScore::score).sum());
		}
	}

	@Test
	void candidatesAreRankedAndLimited() {
		SearchOptions all = SearchOptions.identification().withThreshold(0).withMaxCandidates(100);
		List<Candidate> candidates = gallery.search(Probe.of(person(0, 2)), all);
		assertThat(candidates).hasSize(PERSONS);
		assertThat(candidates).extracting(Candidate::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(gallery.search(Probe.of(person(0, 2)), all.withMaxCandidates(2))).containsExactlyElementsOf(candidates.subList(0, 2));
	}

	@Test
	void parallelAndSequentialSearchAgree() {
		SearchOptions all = SearchOptions.identification().withThreshold(0).withMaxCandidates(100);
		try (FingerprintGallery sequential = new FingerprintGallery(1)) {
			for (int i = 0; i < PERSONS; ++i)
				sequential.enroll(ids.get(i), person(i, 1));
			Probe probe = Probe.of(person(3, 2));
			assertThat(sequential.search(probe, all)).isEqualTo(gallery.search(probe, all));
		}
	}

	@Test
	void maxFusionTakesTheBestFinger() {
		Probe probe = Probe.of(person(1, 2));
		Candidate sum = gallery.search(probe, SearchOptions.identification().withThreshold(0).withMaxCandidates(1)).get(0);
		Candidate max = gallery.search(probe, SearchOptions.identification().withThreshold(0).withMaxCandidates(1).withFusion(ScoreFusion.MAX)).get(0);
		assertThat(max.subject()).isEqualTo(sum.subject());
		assertThat(max.score()).isEqualTo(max.fingers().stream().mapToDouble(FingerScore::score).max().orElseThrow());
		assertThat(max.score()).isLessThanOrEqualTo(sum.score());
	}

	@Test
	void mislabelledPositionsNeedAnyPositionRule() {
		List<Finger> real = person(2, 2);
		Probe swapped = Probe.of(new Finger(FingerPosition.LEFT_INDEX, real.get(0).template()), new Finger(FingerPosition.RIGHT_INDEX, real.get(1).template()));
		SearchOptions options = SearchOptions.identification().withThreshold(40);
		assertThat(gallery.search(swapped, options)).extracting(Candidate::subject).doesNotContain(ids.get(2));
		List<Candidate> any = gallery.search(swapped, options.withPositionRule(PositionRule.ANY_POSITION));
		assertThat(any.get(0).subject()).isEqualTo(ids.get(2));
		assertThat(any.get(0).fingers().get(0).enrolledPosition()).isEqualTo(FingerPosition.RIGHT_INDEX);
	}

	@Test
	void verificationAcceptsGenuineAndRejectsImpostor() {
		SearchOptions options = SearchOptions.verification().withThreshold(40);
		Verification genuine = gallery.verify(ids.get(4), Probe.of(person(4, 2)), options).orElseThrow();
		assertThat(genuine.match()).isTrue();
		assertThat(genuine.threshold()).isEqualTo(40);
		assertThat(genuine.fingers()).hasSize(2);
		Verification impostor = gallery.verify(ids.get(0), Probe.of(person(4, 2)), options).orElseThrow();
		assertThat(impostor.match()).isFalse();
		assertThat(impostor.score()).isLessThan(genuine.score());
		assertThat(gallery.verify(UUID.randomUUID(), Probe.of(person(4, 2)), options)).isEmpty();
		// Same result without a gallery, from fingers loaded by the caller.
		assertThat(Probe.of(person(4, 2)).verify(ids.get(4), person(4, 1), options)).isEqualTo(genuine);
	}

	@Test
	void removeAndReplace() {
		try (FingerprintGallery g = new FingerprintGallery(2)) {
			UUID a = UUID.randomUUID();
			g.enroll(a, person(0, 1));
			Probe probe = Probe.of(person(0, 2));
			SearchOptions options = SearchOptions.identification().withThreshold(40);
			assertThat(g.search(probe, options)).extracting(Candidate::subject).containsExactly(a);
			g.enroll(a, person(1, 1)); // replace all fingers
			assertThat(g.search(probe, options)).isEmpty();
			assertThat(g.fingerCount()).isEqualTo(2);
			assertThat(g.memoryBytes()).isGreaterThan(2 * 1000);
			assertThat(g.remove(a)).isTrue();
			assertThat(g.remove(a)).isFalse();
			assertThat(g.size()).isZero();
			assertThat(g.search(Probe.of(person(1, 2)), options)).isEmpty();
		}
	}

	@Test
	void enrolmentIsValidated() {
		List<Finger> duplicate = List.of(finger(101, 1, FingerPosition.RIGHT_INDEX), finger(102, 1, FingerPosition.RIGHT_INDEX));
		assertThatThrownBy(() -> gallery.enroll(UUID.randomUUID(), duplicate)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> gallery.enroll(UUID.randomUUID(), List.of())).isInstanceOf(IllegalArgumentException.class);
		List<Finger> eleven = new ArrayList<>();
		for (int i = 0; i < 11; ++i)
			eleven.add(finger(101, 1, FingerPosition.UNKNOWN));
		assertThatThrownBy(() -> gallery.enroll(UUID.randomUUID(), eleven)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Probe.of(eleven)).isInstanceOf(IllegalArgumentException.class);
	}

	/**
	 * Enrolments and removals run while searches scan. Every search must see what completed before it started:
	 * a canary enrolled just before a search is found, a canary removed just before is not, and a stable person is
	 * always found.
	 */
	@Test
	void addAndRemoveWhileSearching() throws Exception {
		try (FingerprintGallery g = new FingerprintGallery(2)) {
			UUID stable = UUID.randomUUID();
			g.enroll(stable, person(0, 1));
			List<List<Finger>> fillers = List.of(person(1, 1), person(2, 1), person(3, 1));
			for (int i = 0; i < 300; ++i)
				g.enroll(UUID.randomUUID(), fillers.get(i % 3));
			AtomicBoolean stop = new AtomicBoolean();
			List<Throwable> errors = new CopyOnWriteArrayList<>();
			Thread churn = new Thread(() -> {
				try {
					List<UUID> added = new ArrayList<>();
					for (int i = 0; !stop.get(); ++i) {
						UUID id = UUID.randomUUID();
						g.enroll(id, fillers.get(i % 3));
						added.add(id);
						if (added.size() > 50)
							g.remove(added.remove(0));
					}
				} catch (Throwable t) {
					errors.add(t);
				}
			});
			churn.start();
			SearchOptions options = SearchOptions.identification().withThreshold(40).withMaxCandidates(5);
			Probe probe = Probe.of(person(4, 2));
			Probe stableProbe = Probe.of(person(0, 2));
			try {
				for (int round = 0; round < 6; ++round) {
					UUID canary = UUID.randomUUID();
					g.enroll(canary, person(4, 1));
					assertThat(g.search(probe, options)).extracting(Candidate::subject).contains(canary);
					g.remove(canary);
					assertThat(g.search(probe, options)).extracting(Candidate::subject).doesNotContain(canary);
					assertThat(g.search(stableProbe, options)).extracting(Candidate::subject).contains(stable);
				}
			} finally {
				stop.set(true);
				churn.join();
			}
			assertThat(errors).isEmpty();
		}
	}
}
