package org.safereg.matching.synthetic;

/**
 * A synthetic master finger: the ridge pattern from which impressions are rendered. Immutable.
 *
 * @param id
 *            finger id within its generator
 * @param pattern
 *            ridge pattern class
 */
public record SyntheticFinger(long id, PatternClass pattern, int width, int height, float[] ridges, long seed) {
}
