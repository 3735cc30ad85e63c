package org.safereg.matching;

import java.util.Objects;

/**
 * Threshold, fusion, position rule and candidate limit of a search or verification. Immutable.
 * <p>
 * Default thresholds (see docs/biometrics.md and {@link Thresholds}) assume two probe fingers, SUM fusion and
 * {@link PositionRule#SAME_POSITION}:
 * <ul>
 * <li>{@link #identification()}: threshold 70, about 2e-6 false matches per person, i.e. about 0.02 false
 * candidates per search in a 10,000-person gallery and 0.2 at 100,000 persons.</li>
 * <li>{@link #verification()}: threshold 50, about 1e-4 false matches per claim with two fingers (1e-5 with
 * one finger).</li>
 * </ul>
 */
public final class SearchOptions {
	/** Default 1:N threshold for SUM fusion, see the class comment. */
	public static final double DEFAULT_IDENTIFICATION_THRESHOLD = 70;
	/** Default 1:1 threshold for SUM fusion, see the class comment. */
	public static final double DEFAULT_VERIFICATION_THRESHOLD = 50;
	/** Default maximum number of candidates returned by a search. */
	public static final int DEFAULT_MAX_CANDIDATES = 20;

	private final double threshold;
	private final int maxCandidates;
	private final ScoreFusion fusion;
	private final PositionRule positionRule;
	private final SearchStrategy strategy;
	private final CandidateDepth depth;

	private SearchOptions(double threshold, int maxCandidates, ScoreFusion fusion, PositionRule positionRule, SearchStrategy strategy,
			CandidateDepth depth) {
		if (!(threshold >= 0) || Double.isInfinite(threshold))
			throw new IllegalArgumentException("Threshold must be a finite non-negative score");
		if (maxCandidates < 1)
			throw new IllegalArgumentException("At least one candidate must be allowed");
		this.threshold = threshold;
		this.maxCandidates = maxCandidates;
		this.fusion = Objects.requireNonNull(fusion);
		this.positionRule = Objects.requireNonNull(positionRule);
		this.strategy = Objects.requireNonNull(strategy);
		this.depth = Objects.requireNonNull(depth);
	}

	/** 1:N defaults: threshold 70, SUM, SAME_POSITION, 20 candidates, indexed with {@link CandidateDepth#DEFAULT}. */
	public static SearchOptions identification() {
		return new SearchOptions(DEFAULT_IDENTIFICATION_THRESHOLD, DEFAULT_MAX_CANDIDATES, ScoreFusion.SUM, PositionRule.SAME_POSITION,
				SearchStrategy.INDEXED, CandidateDepth.DEFAULT);
	}

	/** 1:1 defaults: threshold 50, SUM, SAME_POSITION (strategy and depth do not apply to 1:1). */
	public static SearchOptions verification() {
		return new SearchOptions(DEFAULT_VERIFICATION_THRESHOLD, DEFAULT_MAX_CANDIDATES, ScoreFusion.SUM, PositionRule.SAME_POSITION,
				SearchStrategy.INDEXED, CandidateDepth.DEFAULT);
	}

	public double threshold() { return threshold; }
	public int maxCandidates() { return maxCandidates; }
	public ScoreFusion fusion() { return fusion; }
	public PositionRule positionRule() { return positionRule; }
	/** Indexed (default) or brute-force 1:N search; see {@link SearchStrategy}. */
	public SearchStrategy strategy() { return strategy; }
	/** Persons an indexed search passes to SourceAFIS. */
	public CandidateDepth depth() { return depth; }

	public SearchOptions withThreshold(double v) { return new SearchOptions(v, maxCandidates, fusion, positionRule, strategy, depth); }
	public SearchOptions withMaxCandidates(int v) { return new SearchOptions(threshold, v, fusion, positionRule, strategy, depth); }
	public SearchOptions withFusion(ScoreFusion v) { return new SearchOptions(threshold, maxCandidates, v, positionRule, strategy, depth); }
	public SearchOptions withPositionRule(PositionRule v) { return new SearchOptions(threshold, maxCandidates, fusion, v, strategy, depth); }
	public SearchOptions withStrategy(SearchStrategy v) { return new SearchOptions(threshold, maxCandidates, fusion, positionRule, v, depth); }
	public SearchOptions withDepth(CandidateDepth v) { return new SearchOptions(threshold, maxCandidates, fusion, positionRule, strategy, v); }

	@Override
	public String toString() {
		return "SearchOptions[threshold=" + threshold + ", maxCandidates=" + maxCandidates + ", fusion=" + fusion + ", positionRule=" + positionRule
				+ ", strategy=" + strategy + ", depth=" + depth + "]";
	}
}
