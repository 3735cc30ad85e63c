package org.safereg.matching.tools;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.safereg.matching.Candidate;
import org.safereg.matching.Finger;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.FingerprintGallery;
import org.safereg.matching.PositionRule;
import org.safereg.matching.Probe;
import org.safereg.matching.ScoreFusion;
import org.safereg.matching.SearchOptions;
import org.safereg.matching.SharedFingerprints;

/**
 * Accuracy at the operating points named by issue 3, on the real dev sets (templates loaded and extracted as in
 * {@link AccuracySurvey}). Prints markdown-ready lines.
 * <p>
 * <b>Single finger, FNMR at FMR 1e-3 and 1e-4.</b> Genuine: all ordered pairs (a, b), a != b, of impressions of
 * the same finger. Impostor: all ordered pairs of images of different fingers, within the set and, because a
 * set alone has far too few impostor pairs for 1e-4, also against every image of the other dev sets
 * (cross-set impostors: different fingers by construction; cross-sensor pairs may score lower than same-sensor
 * ones, so the cross-set figure is optimistic). Both directions of a pair are counted (SourceAFIS scores are
 * nearly but not exactly symmetric), so the number of independent pairs is about half the count printed.
 * Threshold at FMR target f over N impostor comparisons: the smallest score t with (impostors >= t) / N <= f,
 * i.e. just above the (floor(f N) + 1)-th highest impostor score; FNMR = genuine below t.
 * <p>
 * <b>Two fingers, FNIR at FPIR 1%, 1:N with {@link FingerprintGallery}.</b> Fingers of a set (n of them) are
 * split into two halves A and B of h = n/2 fingers. Persons are overlapping pairs of distinct fingers within a
 * half: (A[i], A[(i + 1) mod h]), so no person of A shares a finger with a person of B. Fold 1 enrols
 * impression 1 of the A persons; mated searches: impressions 2..8 of both fingers of each A person (same
 * impression number for both fingers, as captured in one session); non-mated searches: the B persons, every
 * combination of impressions (i of the first finger, j of the second, 8 x 8). Fold 2 swaps A and B. Positions
 * are artificial and consistent per person: first finger RIGHT_THUMB (1), second RIGHT_INDEX (2); search with
 * SUM fusion and SAME_POSITION, the production defaults. FPIR(t) = non-mated searches returning any candidate
 * >= t; t = smallest score with FPIR(t) <= 1%; FNIR(t) = mated searches whose true person is not returned
 * >= t. The pooled figure enrols the persons of all three sets in one gallery per fold (non-mated searches then
 * also meet persons of other sets).
 */
public final class AccuracyTargets {
	private static final double FPIR_TARGET = 0.01;

	/** One search's outcome: for mated searches the true person's score, for non-mated the best score. */
	private record Outcomes(List<Double> mated, List<Double> nonMated) {
		Outcomes() {
			this(new ArrayList<>(), new ArrayList<>());
		}

		void addAll(Outcomes other) {
			mated.addAll(other.mated);
			nonMated.addAll(other.nonMated);
		}
	}

	private record Person(UUID id, FingerprintTemplate[] first, FingerprintTemplate[] second) {
	}

	public static void main(String[] args) throws Exception {
		Path root = SharedFingerprints.root().orElseThrow(() -> new IllegalStateException("shared fingerprints not found"));
		Map<String, List<List<FingerprintTemplate>>> sets = new LinkedHashMap<>();
		for (String set : AccuracySurvey.SETS)
			sets.put(set, AccuracySurvey.load(AccuracySurvey.extractor(), root, set));

		System.out.println("## Single finger: FNMR at FMR 1e-3 and 1e-4");
		System.out.println();
		System.out.println("| set | genuine | impostor within set / + other sets | within set: FMR 1e-3 threshold, FNMR | with other sets: FMR 1e-3 threshold, FNMR | FMR 1e-4 threshold, FNMR | impostor max within / other sets |");
		System.out.println("|---|---|---|---|---|---|---|");
		for (String set : sets.keySet())
			singleFinger(set, sets);

		System.out.println();
		System.out.println("## Two fingers (SUM, SAME_POSITION, artificial positions 1 and 2): FNIR at FPIR 1%, 1:N");
		System.out.println();
		System.out.println("| set | gallery persons per fold | mated / non-mated searches | t at FPIR <= 1% (FPIR) | FNIR at t | non-mated best score max | at 50: FPIR, FNIR | at 70: FPIR, FNIR |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		Outcomes pooled = new Outcomes();
		for (int fold = 0; fold < 2; ++fold) {
			List<Person> enrolled = new ArrayList<>(), held = new ArrayList<>();
			for (List<List<FingerprintTemplate>> fingers : sets.values()) {
				enrolled.addAll(persons(fingers, fold));
				held.addAll(persons(fingers, 1 - fold));
			}
			pooled.addAll(search(enrolled, held));
		}
		for (Map.Entry<String, List<List<FingerprintTemplate>>> set : sets.entrySet()) {
			Outcomes o = new Outcomes();
			for (int fold = 0; fold < 2; ++fold)
				o.addAll(search(persons(set.getValue(), fold), persons(set.getValue(), 1 - fold)));
			printTwoFinger(set.getKey(), set.getValue().size() / 2, o);
		}
		printTwoFinger("pooled (one gallery of all three sets)", sets.values().stream().mapToInt(f -> f.size() / 2).sum(), pooled);
	}

	private static void singleFinger(String set, Map<String, List<List<FingerprintTemplate>>> sets) {
		List<List<FingerprintTemplate>> fingers = sets.get(set);
		List<FingerprintTemplate> others = new ArrayList<>();
		for (Map.Entry<String, List<List<FingerprintTemplate>>> e : sets.entrySet())
			if (!e.getKey().equals(set))
				e.getValue().forEach(others::addAll);
		List<FingerprintMatcher> otherMatchers = others.stream().map(FingerprintMatcher::new).toList();
		List<Double> genuine = new ArrayList<>(), within = new ArrayList<>(), cross = new ArrayList<>();
		for (int f = 0; f < fingers.size(); ++f)
			for (int i = 0; i < fingers.get(f).size(); ++i) {
				FingerprintTemplate probe = fingers.get(f).get(i);
				FingerprintMatcher matcher = new FingerprintMatcher(probe);
				for (int g = 0; g < fingers.size(); ++g)
					for (int j = 0; j < fingers.get(g).size(); ++j)
						if (f != g)
							within.add(matcher.match(fingers.get(g).get(j)));
						else if (i != j)
							genuine.add(matcher.match(fingers.get(g).get(j)));
				for (int k = 0; k < others.size(); ++k) {
					cross.add(matcher.match(others.get(k)));
					cross.add(otherMatchers.get(k).match(probe));
				}
			}
		List<Double> all = new ArrayList<>(within);
		all.addAll(cross);
		System.out.printf(Locale.ROOT, "| %s | %,d | %,d / %,d | %s | %s | %s | %.1f / %.1f |%n", set, genuine.size(), within.size(), all.size(),
				atFmr(genuine, within, 1e-3), atFmr(genuine, all, 1e-3), atFmr(genuine, all, 1e-4), AccuracySurvey.pct(within, 1),
				AccuracySurvey.pct(cross, 1));
	}

	private static String atFmr(List<Double> genuine, List<Double> impostor, double target) {
		double t = thresholdAt(impostor, target);
		return String.format(Locale.ROOT, "%.1f (FMR %.1e), %.1f%%", t, AccuracySurvey.rate(impostor, t), 100 * (1 - AccuracySurvey.rate(genuine, t)));
	}

	/** Smallest score t (to 0.1) with (values >= t) / N <= target. */
	private static double thresholdAt(List<Double> values, double target) {
		double[] a = values.stream().mapToDouble(d -> d).sorted().toArray();
		int allowed = (int)Math.floor(target * a.length);
		if (allowed >= a.length)
			return 0;
		double above = a[a.length - 1 - allowed];
		// just above that score, rounded up to the displayed precision
		return Math.floor(above * 10 + 1e-9) / 10 + 0.1;
	}

	/** Overlapping pairs within half {@code half} (0 or 1) of the fingers. */
	private static List<Person> persons(List<List<FingerprintTemplate>> fingers, int half) {
		int h = fingers.size() / 2, base = half * h;
		List<Person> list = new ArrayList<>();
		for (int i = 0; i < h; ++i) {
			List<FingerprintTemplate> a = fingers.get(base + i), b = fingers.get(base + (i + 1) % h);
			list.add(new Person(UUID.randomUUID(), a.toArray(FingerprintTemplate[]::new), b.toArray(FingerprintTemplate[]::new)));
		}
		return list;
	}

	private static Finger finger(int position, FingerprintTemplate template) {
		return new Finger(FingerPosition.ofCode(position), template);
	}

	private static Outcomes search(List<Person> enrolled, List<Person> held) {
		Outcomes o = new Outcomes();
		try (FingerprintGallery gallery = new FingerprintGallery()) {
			for (Person p : enrolled)
				gallery.enroll(p.id, List.of(finger(1, p.first[0]), finger(2, p.second[0])));
			SearchOptions options = SearchOptions.identification().withThreshold(0).withMaxCandidates(enrolled.size()).withFusion(ScoreFusion.SUM)
					.withPositionRule(PositionRule.SAME_POSITION);
			for (Person p : enrolled)
				for (int i = 1; i < p.first.length; ++i) {
					List<Candidate> found = gallery.search(Probe.of(finger(1, p.first[i]), finger(2, p.second[i])), options);
					o.mated.add(found.stream().filter(c -> c.subject().equals(p.id)).mapToDouble(Candidate::score).findFirst().orElse(0));
				}
			for (Person p : held)
				for (FingerprintTemplate a : p.first)
					for (FingerprintTemplate b : p.second) {
						List<Candidate> found = gallery.search(Probe.of(finger(1, a), finger(2, b)), options);
						o.nonMated.add(found.isEmpty() ? 0 : found.get(0).score());
					}
		}
		return o;
	}

	private static void printTwoFinger(String name, int persons, Outcomes o) {
		double t = thresholdAt(o.nonMated, FPIR_TARGET);
		System.out.printf(Locale.ROOT, "| %s | %d | %,d / %,d | %.1f (%.2f%%) | %.1f%% | %.1f | %s | %s |%n", name, persons, o.mated.size(), o.nonMated.size(), t,
				100 * AccuracySurvey.rate(o.nonMated, t), 100 * (1 - AccuracySurvey.rate(o.mated, t)), AccuracySurvey.pct(o.nonMated, 1), at(o, 50), at(o, 70));
	}

	private static String at(Outcomes o, double t) {
		return String.format(Locale.ROOT, "%.2f%%, %.1f%%", 100 * AccuracySurvey.rate(o.nonMated, t), 100 * (1 - AccuracySurvey.rate(o.mated, t)));
	}
}
