package org.safereg.matching.synthetic;

/** Henry-style ridge pattern classes, defined by the number and placement of cores and deltas. */
public enum PatternClass {
	/** No core, no delta: ridges flow across the finger with a gentle rise. */
	ARCH,
	/** One core directly above one delta. */
	TENTED_ARCH,
	/** One core, one delta to the lower right: ridges enter and leave on the left. */
	LEFT_LOOP,
	/** One core, one delta to the lower left. */
	RIGHT_LOOP,
	/** Two cores, two deltas: circular ridges. */
	WHORL
}
