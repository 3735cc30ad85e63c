package org.safereg.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Scoring stage shared by search and verification: per probe finger the best score over comparable enrolled
 * fingers, then fusion. Internal. Allocation-free for persons below the threshold.
 */
final class PersonScoring {
	private PersonScoring() {
	}

	/** Per-thread scratch space for one probe. */
	static final class Scratch {
		final double[] best;
		final int[] bestIndex;

		Scratch(int fingers) {
			best = new double[fingers];
			bestIndex = new int[fingers];
		}
	}

	/** Fills scratch with per-finger bests and returns the fused score (0 if no finger was comparable). */
	static double score(Probe probe, PersonEntry person, PositionRule rule, ScoreFusion fusion, Scratch scratch) {
		int compared = 0;
		for (int p = 0; p < probe.positions.length; ++p) {
			double best = -1;
			int bestIndex = -1;
			for (int e = 0; e < person.templates.length; ++e) {
				if (!rule.comparable(probe.positions[p], person.positions[e]))
					continue;
				double score = probe.matchers[p].match(person.templates[e]);
				if (score > best) {
					best = score;
					bestIndex = e;
				}
			}
			scratch.bestIndex[p] = bestIndex;
			if (bestIndex >= 0)
				scratch.best[compared++] = best;
		}
		return fusion.fuse(scratch.best, compared);
	}

	/** Per-finger scores of the last {@link #score} call, in probe order. */
	static List<FingerScore> fingerScores(Probe probe, PersonEntry person, Scratch scratch) {
		List<FingerScore> list = new ArrayList<>(probe.positions.length);
		int compared = 0;
		for (int p = 0; p < probe.positions.length; ++p)
			if (scratch.bestIndex[p] >= 0)
				list.add(new FingerScore(probe.positions[p], person.positions[scratch.bestIndex[p]], scratch.best[compared++]));
		return list;
	}

	static Verification verify(Probe probe, PersonEntry person, SearchOptions options) {
		Scratch scratch = new Scratch(probe.size());
		double score = score(probe, person, options.positionRule(), options.fusion(), scratch);
		return new Verification(person.subject, score >= options.threshold(), score, options.threshold(), options.fusion(),
				fingerScores(probe, person, scratch));
	}
}
