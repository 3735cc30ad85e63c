package org.safereg.matching.synthetic;

import java.util.SplittableRandom;

/**
 * Deterministic SFinGe-style synthetic fingerprint generator, for throughput and pipeline tests only.
 * <p>
 * <b>Never use synthetic prints to claim accuracy</b>: their minutiae statistics, distortions and noise are
 * simplified models; error rates measured on them say nothing about real captures.
 * <p>
 * Stages (package-private classes): {@code OrientationModel} (zero-pole orientation field with cores and
 * deltas by {@link PatternClass}), {@code RidgeSynthesis} (ridge-frequency map and iterative space-variant
 * Gabor filtering from random seeds), {@code ImpressionModel} (per-impression rotation, translation, elastic
 * distortion, partial contact, pressure, noise, blur).
 * <p>
 * Determinism: the same generator seed, finger id and impression index always give the same pixels (only
 * {@link StrictMath} and seeded {@link SplittableRandom} are used). Cost: about 0.1-0.3 s per master finger
 * (cache {@link SyntheticFinger}s when rendering several impressions) and a few ms per impression, 320x400 px at
 * 500 dpi. Thread-safe: instances are immutable.
 */
public final class SyntheticFingerprintGenerator {
	/** Width of generated images in pixels. */
	public static final int WIDTH = 320;
	/** Height of generated images in pixels. */
	public static final int HEIGHT = 400;
	private final long seed;

	public SyntheticFingerprintGenerator(long seed) {
		this.seed = seed;
	}

	/** The master finger with this id (deterministic). */
	public SyntheticFinger finger(long id) {
		long fingerSeed = mix(seed, id);
		SplittableRandom random = new SplittableRandom(fingerSeed);
		PatternClass pattern = pickPattern(random.nextDouble());
		OrientationModel orientation = new OrientationModel(pattern, WIDTH, HEIGHT, random);
		float[] ridges = RidgeSynthesis.synthesize(WIDTH, HEIGHT, orientation, random);
		return new SyntheticFinger(id, pattern, WIDTH, HEIGHT, ridges, fingerSeed);
	}

	/** Impression number {@code index} (0, 1, ...) of a master finger (deterministic). */
	public SyntheticImage impression(SyntheticFinger finger, int index) {
		return ImpressionModel.render(finger.ridges(), finger.width(), finger.height(), new SplittableRandom(mix(finger.seed(), 1000 + index)));
	}

	/** Natural class frequencies, roughly: loops 65%, whorls 30%, arches 5%. */
	private static PatternClass pickPattern(double u) {
		if (u < 0.33)
			return PatternClass.RIGHT_LOOP;
		if (u < 0.65)
			return PatternClass.LEFT_LOOP;
		if (u < 0.93)
			return PatternClass.WHORL;
		if (u < 0.97)
			return PatternClass.TENTED_ARCH;
		return PatternClass.ARCH;
	}

	private static long mix(long a, long b) {
		long z = a * 0x9E3779B97F4A7C15L + b;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
