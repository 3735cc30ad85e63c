package org.safereg.matching.synthetic;

import java.util.SplittableRandom;

/**
 * Orientation stage: Sherlock-Monro zero-pole model. Ridge direction at z is
 * {@code θ(z) = θ0 + ½(Σ arg(z - core) - Σ arg(z - delta))}, plus a smooth random perturbation. Internal.
 */
final class OrientationModel {
	private final double[][] cores;
	private final double[][] deltas;
	private final double base;
	private final double[] wobble;

	OrientationModel(PatternClass pattern, int width, int height, SplittableRandom random) {
		double cx = width / 2.0 + jitter(random, 30), cy = height * 0.45 + jitter(random, 35);
		switch (pattern) {
			case ARCH -> {
				cores = new double[][] { { cx, height * 1.25 } };
				deltas = new double[][] { { cx, height * 1.9 } };
			}
			case TENTED_ARCH -> {
				cores = new double[][] { { cx, cy } };
				deltas = new double[][] { { cx + jitter(random, 8), cy + 70 + jitter(random, 15) } };
			}
			case LEFT_LOOP -> {
				cores = new double[][] { { cx - 10, cy } };
				deltas = new double[][] { { cx + 85 + jitter(random, 15), cy + 120 + jitter(random, 20) } };
			}
			case RIGHT_LOOP -> {
				cores = new double[][] { { cx + 10, cy } };
				deltas = new double[][] { { cx - 85 + jitter(random, 15), cy + 120 + jitter(random, 20) } };
			}
			case WHORL -> {
				cores = new double[][] { { cx - 8 + jitter(random, 6), cy - 18 }, { cx + 8 + jitter(random, 6), cy + 18 } };
				deltas = new double[][] { { cx - 110 + jitter(random, 15), cy + 130 + jitter(random, 20) }, { cx + 110 + jitter(random, 15), cy + 130 + jitter(random, 20) } };
			}
			default -> throw new IllegalArgumentException();
		}
		base = jitter(random, 0.25);
		wobble = new double[] { jitter(random, 0.12), random.nextDouble() * 6.3, random.nextDouble() * 6.3, 2 * Math.PI / (120 + random.nextDouble() * 120) };
	}

	private static double jitter(SplittableRandom random, double amplitude) {
		return (random.nextDouble() * 2 - 1) * amplitude;
	}

	/** Ridge direction (radians, modulo π) at a point of the master print. */
	double at(double x, double y) {
		double angle = base;
		for (double[] d : deltas)
			angle -= 0.5 * StrictMath.atan2(y - d[1], x - d[0]);
		for (double[] c : cores)
			angle += 0.5 * StrictMath.atan2(y - c[1], x - c[0]);
		angle += wobble[0] * StrictMath.sin(x * wobble[3] + wobble[1]) * StrictMath.cos(y * wobble[3] + wobble[2]);
		return angle;
	}
}
