package org.safereg.matching.synthetic;

import java.util.SplittableRandom;

/**
 * Ridge stage: ridge-frequency map and iterative space-variant Gabor filtering grown from random seeds, as in
 * SFinGe (Cappelli, Maio, Maltoni). Each iteration filters every pixel near existing ridges with the Gabor
 * kernel tuned to the local orientation and period, then saturates the result; ridges grow outward from the
 * seeds and minutiae form where growth fronts meet. Internal. Cost: about 10 iterations x pixels x 121 taps.
 */
final class RidgeSynthesis {
	static final int RADIUS = 5;
	private static final int SIDE = 2 * RADIUS + 1;
	private static final int ORIENTATIONS = 32;
	private static final double MIN_PERIOD = 6.5;
	private static final double PERIOD_STEP = 0.25;
	private static final int PERIODS = 28; // 6.5 .. 13.25 px
	private static final float[][][] KERNELS = new float[ORIENTATIONS][PERIODS][];
	private static final int ITERATIONS = 13;

	private RidgeSynthesis() {
	}

	/** Ridge map in [-1, 1] (positive = ridge) over a width x height master, zero outside the finger ellipse. */
	static float[] synthesize(int width, int height, OrientationModel orientation, SplittableRandom random) {
		double period = 7.6 + random.nextDouble() * 2.4;
		double variation = 0.6 + random.nextDouble() * 0.5;
		double phaseX = random.nextDouble() * 6.3, phaseY = random.nextDouble() * 6.3;
		boolean[] mask = new boolean[width * height];
		short[] kernelIndex = new short[width * height];
		double cx = width / 2.0, cy = height / 2.0, ax = width / 2.0 - 4, ay = height / 2.0 - 4;
		for (int y = 0; y < height; ++y)
			for (int x = 0; x < width; ++x) {
				double dx = (x - cx) / ax, dy = (y - cy) / ay;
				int i = y * width + x;
				mask[i] = dx * dx + dy * dy <= 1;
				// Ridge period: locally constant, slightly wider towards the finger tip and the edges.
				double t = period + variation * StrictMath.sin(x / 60.0 + phaseX) * StrictMath.cos(y / 75.0 + phaseY) - 0.5 * dy;
				int o = Math.floorMod((int)Math.round(orientation.at(x, y) / Math.PI * ORIENTATIONS), ORIENTATIONS);
				int p = Math.max(0, Math.min(PERIODS - 1, (int)Math.round((t - MIN_PERIOD) / PERIOD_STEP)));
				kernelIndex[i] = (short)(o * PERIODS + p);
			}
		float[] field = new float[width * height];
		// Seeds at uniformly random positions (a regular grid would put minutiae on a lattice shared by all fingers),
		// over a faint random background that late iterations amplify into ridges where no seed reached.
		for (int i = 0; i < field.length; ++i)
			if (mask[i])
				field[i] = (float)((random.nextDouble() * 2 - 1) * 1e-3);
		int seeds = 60 + random.nextInt(40);
		for (int s = 0; s < seeds; ++s) {
			int x = random.nextInt(RADIUS, width - RADIUS), y = random.nextInt(RADIUS, height - RADIUS);
			int i = y * width + x;
			if (mask[i])
				field[i] = random.nextBoolean() ? 1 : -1;
		}
		float[] next = new float[width * height];
		for (int iteration = 0; iteration < ITERATIONS; ++iteration) {
			for (int y = RADIUS; y < height - RADIUS; ++y)
				for (int x = RADIUS; x < width - RADIUS; ++x) {
					int i = y * width + x;
					if (!mask[i]) {
						next[i] = 0;
						continue;
					}
					float[] k = kernel(kernelIndex[i]);
					float sum = 0;
					int ki = 0;
					for (int dy = -RADIUS; dy <= RADIUS; ++dy) {
						int row = i + dy * width;
						for (int dx = -RADIUS; dx <= RADIUS; ++dx)
							sum += k[ki++] * field[row + dx];
					}
					float v = 2.5f * sum;
					next[i] = v > 1 ? 1 : v < -1 ? -1 : v;
				}
			float[] swap = field;
			field = next;
			next = swap;
		}
		return field;
	}

	private static float[] kernel(int index) {
		int o = index / PERIODS, p = index % PERIODS;
		float[] k = KERNELS[o][p];
		if (k == null) {
			k = buildKernel(o * Math.PI / ORIENTATIONS, MIN_PERIOD + p * PERIOD_STEP);
			KERNELS[o][p] = k; // benign race: deterministic content
		}
		return k;
	}

	/** Even Gabor kernel, zero mean, unit gain for a cosine wave of the tuned period across the ridges. */
	private static float[] buildKernel(double ridgeAngle, double period) {
		double nx = -StrictMath.sin(ridgeAngle), ny = StrictMath.cos(ridgeAngle);
		double sigma = 0.45 * period;
		double[] g = new double[SIDE * SIDE], w = new double[SIDE * SIDE];
		double sumG = 0, sumW = 0;
		for (int dy = -RADIUS, i = 0; dy <= RADIUS; ++dy)
			for (int dx = -RADIUS; dx <= RADIUS; ++dx, ++i) {
				w[i] = StrictMath.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
				g[i] = w[i] * StrictMath.cos(2 * Math.PI * (dx * nx + dy * ny) / period);
				sumG += g[i];
				sumW += w[i];
			}
		double gain = 0;
		for (int dy = -RADIUS, i = 0; dy <= RADIUS; ++dy)
			for (int dx = -RADIUS; dx <= RADIUS; ++dx, ++i) {
				g[i] -= w[i] * sumG / sumW;
				gain += g[i] * StrictMath.cos(2 * Math.PI * (dx * nx + dy * ny) / period);
			}
		float[] k = new float[SIDE * SIDE];
		for (int i = 0; i < k.length; ++i)
			k[i] = (float)(g[i] / gain);
		return k;
	}
}
