package org.safereg.matching;

import java.util.Arrays;

/**
 * Bit-form Minutia Cylinder-Code (Cappelli, Ferrara, Maltoni, TPAMI 2010) of a template's minutiae: the index's
 * local features. Internal.
 * <p>
 * One cylinder per minutia: a disc of radius {@value #RADIUS} px around the minutia, aligned with its direction,
 * cut into {@value #SPATIAL_CELLS}x{@value #SPATIAL_CELLS} cells (the {@value #CELLS} cells whose centre lies inside
 * the disc are kept) times {@value #DIRECTION_BINS} direction bins: {@value #BITS} bits. A bit is set when the
 * neighbouring minutiae near that cell, with a direction relative to the centre minutia in that bin, contribute at
 * least {@value #MU} (Gaussian in space, sigma 28/3 px; Gaussian in direction, sigma 2 pi/9). Cells farther than
 * {@value #OMEGA} px outside the convex hull of the minutiae are invalid and never set; a cylinder is kept when
 * at least 75% of its cells are valid and at least 2 neighbours contribute. Rotation and translation invariant by
 * construction.
 * <p>
 * Cost: about 20-40 us for 30-60 minutiae (one pass over neighbours within 98 px per minutia, table look-ups
 * for both Gaussians). Thread-safe (static tables only).
 */
final class CylinderCodes {
	static final double RADIUS = 70;
	static final int SPATIAL_CELLS = 8;
	static final int DIRECTION_BINS = 5;
	static final int CELLS = 52;
	static final int BITS = CELLS * DIRECTION_BINS;
	/** Longs per cylinder. */
	static final int WORDS = (BITS + 63) / 64;
	static final double SIGMA_S = 28.0 / 3;
	static final double SIGMA_D = 2 * Math.PI / 9;
	static final double MU = 0.01;
	static final double OMEGA = 50;
	static final double MIN_VALID_CELLS = 0.75;
	static final int MIN_NEIGHBOURS = 2;

	private static final double CELL_SIZE = 2 * RADIUS / SPATIAL_CELLS;
	private static final double REACH = 3 * SIGMA_S;
	private static final double NEIGHBOURHOOD = RADIUS + REACH;
	/** Cell number (0..51) of grid cell (i, j), or -1 when its centre is outside the disc. */
	private static final int[] GRID = new int[SPATIAL_CELLS * SPATIAL_CELLS];
	/** Cell centres in the cylinder's own frame (x along the minutia's direction). */
	private static final double[] CELL_X = new double[CELLS], CELL_Y = new double[CELLS];
	/** Spatial Gaussian by squared distance, in steps of {@link #D2_STEP} px^2. */
	private static final double D2_STEP = 0.25;
	private static final float[] SPATIAL = new float[(int)(REACH * REACH / D2_STEP) + 2];
	/** Directional contribution per bin, by relative direction quantized to {@link #ANGLES} steps. */
	private static final int ANGLES = 256;
	private static final float[][] DIRECTIONAL = new float[ANGLES][DIRECTION_BINS];

	static {
		int cell = 0;
		for (int i = 0; i < SPATIAL_CELLS; ++i)
			for (int j = 0; j < SPATIAL_CELLS; ++j) {
				double cx = (i + 0.5) * CELL_SIZE - RADIUS, cy = (j + 0.5) * CELL_SIZE - RADIUS;
				if (cx * cx + cy * cy <= RADIUS * RADIUS) {
					CELL_X[cell] = cx;
					CELL_Y[cell] = cy;
					GRID[i * SPATIAL_CELLS + j] = cell++;
				} else
					GRID[i * SPATIAL_CELLS + j] = -1;
			}
		if (cell != CELLS)
			throw new IllegalStateException("cylinder geometry");
		for (int k = 0; k < SPATIAL.length; ++k)
			SPATIAL[k] = (float)(Math.exp(-k * D2_STEP / (2 * SIGMA_S * SIGMA_S)) / (SIGMA_S * Math.sqrt(2 * Math.PI)));
		double binWidth = 2 * Math.PI / DIRECTION_BINS;
		int steps = 64;
		for (int a = 0; a < ANGLES; ++a) {
			double relative = angle(a * 2 * Math.PI / ANGLES);
			for (int k = 0; k < DIRECTION_BINS; ++k) {
				double centre = -Math.PI + (k + 0.5) * binWidth, sum = 0;
				// Area of the direction Gaussian centred on the relative direction over the bin (midpoint rule).
				for (int s = 0; s < steps; ++s) {
					double alpha = centre - binWidth / 2 + (s + 0.5) * binWidth / steps;
					double d = angle(alpha - relative);
					sum += Math.exp(-d * d / (2 * SIGMA_D * SIGMA_D));
				}
				DIRECTIONAL[a][k] = (float)(sum * binWidth / steps / (SIGMA_D * Math.sqrt(2 * Math.PI)));
			}
		}
	}

	private CylinderCodes() {
	}

	/** Angle normalized to [-pi, pi). */
	private static double angle(double a) {
		a = (a + Math.PI) % (2 * Math.PI);
		if (a < 0)
			a += 2 * Math.PI;
		return a - Math.PI;
	}

	/**
	 * Valid cylinders, {@link #WORDS} longs each, bit {@code cell * DIRECTION_BINS + bin}; cylinders with fewer
	 * than {@code minBits} set bits are left out.
	 */
	static long[] of(Minutiae m, int minBits) {
		int n = m.count;
		double[] hull = hull(m);
		long[] out = new long[n * WORDS];
		int kept = 0;
		float[] sums = new float[BITS];
		boolean[] valid = new boolean[CELLS];
		int minValid = (int)Math.ceil(MIN_VALID_CELLS * CELLS);
		for (int i = 0; i < n; ++i) {
			double cos = Math.cos(m.direction[i]), sin = Math.sin(m.direction[i]);
			int validCount = 0;
			if (discInside(hull, m.x[i], m.y[i])) {
				Arrays.fill(valid, true);
				validCount = CELLS;
			} else
				for (int c = 0; c < CELLS; ++c) {
					double gx = m.x[i] + cos * CELL_X[c] - sin * CELL_Y[c];
					double gy = m.y[i] + sin * CELL_X[c] + cos * CELL_Y[c];
					valid[c] = nearHull(hull, gx, gy);
					if (valid[c])
						++validCount;
				}
			if (validCount < minValid)
				continue;
			Arrays.fill(sums, 0);
			int neighbours = 0;
			for (int j = 0; j < n; ++j) {
				if (j == i)
					continue;
				double dx = m.x[j] - m.x[i], dy = m.y[j] - m.y[i];
				if (dx * dx + dy * dy > NEIGHBOURHOOD * NEIGHBOURHOOD)
					continue;
				double u = cos * dx + sin * dy, v = -sin * dx + cos * dy;
				// Directions differ by less than 4 pi: the offset keeps the rounded value positive.
				int a = (int)((m.direction[j] - m.direction[i]) * (ANGLES / (2 * Math.PI)) + 2.5 * ANGLES) & (ANGLES - 1);
				// The relative direction table starts at 0 (= index 0), angle() maps it into [-pi, pi).
				float[] directional = DIRECTIONAL[a];
				// Truncation instead of floor: negative values clamp to the first cell (or an empty range) either way.
				int i0 = Math.max(0, (int)((u + RADIUS - REACH) / CELL_SIZE));
				int i1 = Math.min(SPATIAL_CELLS - 1, (int)((u + RADIUS + REACH) / CELL_SIZE));
				int j0 = Math.max(0, (int)((v + RADIUS - REACH) / CELL_SIZE));
				int j1 = Math.min(SPATIAL_CELLS - 1, (int)((v + RADIUS + REACH) / CELL_SIZE));
				boolean contributed = false;
				for (int gi = i0; gi <= i1; ++gi)
					for (int gj = j0; gj <= j1; ++gj) {
						int c = GRID[gi * SPATIAL_CELLS + gj];
						if (c < 0 || !valid[c])
							continue;
						double du = u - CELL_X[c], dv = v - CELL_Y[c], d2 = du * du + dv * dv;
						if (d2 > REACH * REACH)
							continue;
						float spatial = SPATIAL[(int)(d2 / D2_STEP)];
						for (int k = 0; k < DIRECTION_BINS; ++k)
							sums[c * DIRECTION_BINS + k] += spatial * directional[k];
						contributed = true;
					}
				if (contributed)
					++neighbours;
			}
			if (neighbours < MIN_NEIGHBOURS)
				continue;
			int bits = 0;
			int base = kept * WORDS;
			for (int b = 0; b < BITS; ++b)
				if (sums[b] >= MU) {
					out[base + (b >>> 6)] |= 1L << b;
					++bits;
				}
			if (bits < minBits) {
				Arrays.fill(out, base, base + WORDS, 0);
				continue;
			}
			++kept;
		}
		return Arrays.copyOf(out, kept * WORDS);
	}

	/** Convex hull of the minutiae, counterclockwise in image coordinates, as x0, y0, x1, y1, ... */
	private static double[] hull(Minutiae m) {
		int n = m.count;
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; ++i)
			order[i] = i;
		Arrays.sort(order, (a, b) -> m.x[a] != m.x[b] ? Float.compare(m.x[a], m.x[b]) : Float.compare(m.y[a], m.y[b]));
		int[] h = new int[2 * n + 1];
		int k = 0;
		for (int p = 0; p < n; ++p) {
			while (k >= 2 && cross(m, h[k - 2], h[k - 1], order[p]) <= 0)
				--k;
			h[k++] = order[p];
		}
		for (int p = n - 2, lower = k + 1; p >= 0; --p) {
			while (k >= lower && cross(m, h[k - 2], h[k - 1], order[p]) <= 0)
				--k;
			h[k++] = order[p];
		}
		int size = n <= 1 ? n : k - 1;
		double[] hull = new double[2 * size];
		for (int i = 0; i < size; ++i) {
			hull[2 * i] = m.x[h[i]];
			hull[2 * i + 1] = m.y[h[i]];
		}
		return hull;
	}

	private static double cross(Minutiae m, int o, int a, int b) {
		return (double)(m.x[a] - m.x[o]) * (m.y[b] - m.y[o]) - (double)(m.y[a] - m.y[o]) * (m.x[b] - m.x[o]);
	}

	/** Whether the whole disc of radius {@link #RADIUS} around a point lies inside the hull (all cells valid). */
	private static boolean discInside(double[] hull, double px, double py) {
		int size = hull.length / 2;
		if (size < 3)
			return false;
		for (int i = 0; i < size; ++i) {
			int next = i + 1 == size ? 0 : i + 1;
			double ex = hull[2 * next] - hull[2 * i], ey = hull[2 * next + 1] - hull[2 * i + 1];
			double cross = ex * (py - hull[2 * i + 1]) - ey * (px - hull[2 * i]);
			// cross / |e| is the signed distance to the edge's line, positive inside.
			if (cross < 0 || cross * cross < RADIUS * RADIUS * (ex * ex + ey * ey))
				return false;
		}
		return true;
	}

	/** Whether a point lies inside the hull or within {@link #OMEGA} of it. */
	private static boolean nearHull(double[] hull, double px, double py) {
		int size = hull.length / 2;
		if (size == 0)
			return false;
		if (size >= 3) {
			boolean inside = true;
			for (int i = 0; i < size && inside; ++i) {
				int next = i + 1 == size ? 0 : i + 1;
				inside = (hull[2 * next] - hull[2 * i]) * (py - hull[2 * i + 1]) - (hull[2 * next + 1] - hull[2 * i + 1]) * (px - hull[2 * i]) >= 0;
			}
			if (inside)
				return true;
		}
		for (int i = 0; i < size; ++i) {
			double ax = hull[2 * i], ay = hull[2 * i + 1];
			int next = i + 1 == size ? 0 : i + 1;
			double ex = hull[2 * next] - ax, ey = hull[2 * next + 1] - ay, wx = px - ax, wy = py - ay;
			double length2 = ex * ex + ey * ey;
			double t = length2 > 0 ? Math.max(0, Math.min(1, (wx * ex + wy * ey) / length2)) : 0;
			double qx = wx - t * ex, qy = wy - t * ey;
			if (qx * qx + qy * qy <= OMEGA * OMEGA)
				return true;
		}
		return false;
	}
}
