package org.safereg.matching;

/** How {@link FingerprintGallery#search} chooses the persons SourceAFIS compares with the probe. */
public enum SearchStrategy {
	/**
	 * Cylinder index first (MinHash of Minutia Cylinder-Codes, per finger position), SourceAFIS on the
	 * {@link CandidateDepth} best persons only. Much faster on large galleries; may miss a mate the index ranks
	 * below the depth (measured in docs/benchmarks.md, section 4).
	 */
	INDEXED,
	/** SourceAFIS on every enrolled person: the reference, exact, linear in gallery size. */
	BRUTE_FORCE
}
