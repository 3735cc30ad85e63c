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
 * Cost: about 35-40 us CPU for the 25 minutiae of a typical dev-set print (docs/benchmarks.md, section 4): per
 * cylinder, one pass over the neighbours within 98 px, each tested against the ~9 cells its offset can reach
 * (a precomputed table by 2 px offset square) with table look-ups for both Gaussians; cell validity tested
 * against the hull only for cells farther from the minutia than its depth in the hull plus {@value #OMEGA} px.
 * Allocates only the result (per-thread scratch buffers). Thread-safe (static tables, thread-local buffers).
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
	/** Distance of each cell centre from the cylinder's centre. */
	private static final double[] CELL_R = new double[CELLS];
	/** Spatial Gaussian by squared distance, in steps of {@link #D2_STEP} px^2. */
	private static final double D2_STEP = 0.25;
	private static final float[] SPATIAL = new float[(int)(REACH * REACH / D2_STEP) + 2];
	/**
	 * Neighbour offsets (u, v) in the cylinder's frame fall into squares of {@link #OFFSET_STEP} px; per square, the
	 * cells whose centre lies within REACH (plus a rounding margin) of some point of it, so a neighbour is tested
	 * against about 9 cells instead of all 52: cells of square s are NEAR_CELLS[NEAR_START[s] .. NEAR_START[s + 1]).
	 */
	private static final double OFFSET_STEP = 2;
	private static final int OFFSET_SQUARES = (int)Math.ceil(2 * NEIGHBOURHOOD / OFFSET_STEP) + 1;
	private static final int[] NEAR_START = new int[OFFSET_SQUARES * OFFSET_SQUARES + 1];
	private static final byte[] NEAR_CELLS;
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
					CELL_R[cell] = Math.sqrt(cx * cx + cy * cy);
					GRID[i * SPATIAL_CELLS + j] = cell++;
				} else
					GRID[i * SPATIAL_CELLS + j] = -1;
			}
		if (cell != CELLS)
			throw new IllegalStateException("cylinder geometry");
		byte[] near = new byte[OFFSET_SQUARES * OFFSET_SQUARES * CELLS];
		int count = 0;
		for (int su = 0; su < OFFSET_SQUARES; ++su)
			for (int sv = 0; sv < OFFSET_SQUARES; ++sv) {
				NEAR_START[su * OFFSET_SQUARES + sv] = count;
				double u0 = su * OFFSET_STEP - NEIGHBOURHOOD, v0 = sv * OFFSET_STEP - NEIGHBOURHOOD;
				for (int c = 0; c < CELLS; ++c) {
					// Distance from the cell centre to the square [u0, u0 + step] x [v0, v0 + step].
					double du = Math.max(0, Math.max(u0 - CELL_X[c], CELL_X[c] - (u0 + OFFSET_STEP)));
					double dv = Math.max(0, Math.max(v0 - CELL_Y[c], CELL_Y[c] - (v0 + OFFSET_STEP)));
					if (Math.sqrt(du * du + dv * dv) <= REACH + 1e-6)
						near[count++] = (byte)c;
				}
			}
		NEAR_START[OFFSET_SQUARES * OFFSET_SQUARES] = count;
		NEAR_CELLS = Arrays.copyOf(near, count);
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

	/** Per-thread scratch buffers, so that building a finger's cylinders allocates only its result. */
	private static final class Workspace {
		/** Contribution sums of one cylinder, all zero between cylinders (only the cells touched are reset). */
		final float[] sums = new float[BITS];
		final boolean[] valid = new boolean[CELLS];
		final long[] words = new long[WORDS];
		long[] out = new long[0];
		int[] order = new int[0], chain = new int[0];
		/** Hull vertices (x, y) and per edge: start, direction, squared length, inverse length. */
		double[] hull = new double[0], edges = new double[0];
		int hullSize;

		void ensure(int n) {
			if (order.length < n) {
				out = new long[n * WORDS];
				order = new int[n];
				chain = new int[2 * n + 1];
				hull = new double[2 * n];
				edges = new double[6 * n];
			}
		}
	}

	private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

	/**
	 * Valid cylinders, {@link #WORDS} longs each, bit {@code cell * DIRECTION_BINS + bin}; cylinders with fewer
	 * than {@code minBits} set bits are left out.
	 */
	static long[] of(Minutiae m, int minBits) {
		int n = m.count;
		Workspace w = WORKSPACE.get();
		w.ensure(n);
		hull(m, w);
		long[] out = w.out;
		int kept = 0;
		float[] sums = w.sums;
		boolean[] valid = w.valid;
		int minValid = (int)Math.ceil(MIN_VALID_CELLS * CELLS);
		for (int i = 0; i < n; ++i) {
			double cos = Math.cos(m.direction[i]), sin = Math.sin(m.direction[i]);
			int validCount = 0;
			// The minutia lies in the hull at this depth, so every cell centre within depth + OMEGA of it is
			// valid without a test (the margin covers rounding).
			double sure = depth(w, m.x[i], m.y[i]) + OMEGA - 1e-6;
			for (int c = 0; c < CELLS; ++c) {
				if (CELL_R[c] <= sure)
					valid[c] = true;
				else {
					double gx = m.x[i] + cos * CELL_X[c] - sin * CELL_Y[c];
					double gy = m.y[i] + sin * CELL_X[c] + cos * CELL_Y[c];
					valid[c] = nearHull(w, gx, gy);
				}
				if (valid[c])
					++validCount;
			}
			if (validCount < minValid)
				continue;
			// Cells any neighbour reached: the others' sums stay 0 and set no bit.
			long touched = 0;
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
				// Cells whose centres may lie within REACH of (u, v): those near its square of the offset grid; the
				// exact distance test decides, so the bits equal those of a scan over all cells.
				int square = offsetSquare(u) * OFFSET_SQUARES + offsetSquare(v);
				boolean contributed = false;
				for (int at = NEAR_START[square], end = NEAR_START[square + 1]; at < end; ++at) {
					int c = NEAR_CELLS[at];
					if (!valid[c])
						continue;
					double du = u - CELL_X[c], dv = v - CELL_Y[c], d2 = du * du + dv * dv;
					if (d2 > REACH * REACH)
						continue;
					// d2 / D2_STEP, exactly (D2_STEP is a power of two).
					float spatial = SPATIAL[(int)(d2 * (1 / D2_STEP))];
					int base = c * DIRECTION_BINS;
					for (int k = 0; k < DIRECTION_BINS; ++k)
						sums[base + k] += spatial * directional[k];
					touched |= 1L << c;
					contributed = true;
				}
				if (contributed)
					++neighbours;
			}
			long[] words = w.words;
			Arrays.fill(words, 0);
			for (long cells = touched; cells != 0; cells &= cells - 1) {
				int base = Long.numberOfTrailingZeros(cells) * DIRECTION_BINS;
				for (int b = base; b < base + DIRECTION_BINS; ++b) {
					if (sums[b] >= MU)
						words[b >>> 6] |= 1L << b;
					sums[b] = 0;
				}
			}
			if (neighbours < MIN_NEIGHBOURS)
				continue;
			int bits = 0;
			for (long word : words)
				bits += Long.bitCount(word);
			if (bits < minBits)
				continue;
			System.arraycopy(words, 0, out, kept * WORDS, WORDS);
			++kept;
		}
		return Arrays.copyOf(out, kept * WORDS);
	}

	/** Square of the offset grid holding a neighbour's coordinate u (or v), |u| <= NEIGHBOURHOOD up to rounding. */
	private static int offsetSquare(double u) {
		return Math.max(0, Math.min(OFFSET_SQUARES - 1, (int)((u + NEIGHBOURHOOD) * (1 / OFFSET_STEP))));
	}

	/** Convex hull of the minutiae, counterclockwise in image coordinates, into the workspace's hull and edges. */
	private static void hull(Minutiae m, Workspace w) {
		int n = m.count;
		int[] order = w.order;
		// Stable insertion sort by (x, y): a few dozen minutiae.
		for (int i = 0; i < n; ++i) {
			int p = i;
			while (p > 0 && before(m, i, order[p - 1])) {
				order[p] = order[p - 1];
				--p;
			}
			order[p] = i;
		}
		int[] h = w.chain;
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
		double[] hull = w.hull, edges = w.edges;
		for (int i = 0; i < size; ++i) {
			hull[2 * i] = m.x[h[i]];
			hull[2 * i + 1] = m.y[h[i]];
		}
		for (int i = 0; i < size; ++i) {
			int next = i + 1 == size ? 0 : i + 1;
			double ex = hull[2 * next] - hull[2 * i], ey = hull[2 * next + 1] - hull[2 * i + 1], length2 = ex * ex + ey * ey;
			edges[6 * i] = hull[2 * i];
			edges[6 * i + 1] = hull[2 * i + 1];
			edges[6 * i + 2] = ex;
			edges[6 * i + 3] = ey;
			edges[6 * i + 4] = length2;
			edges[6 * i + 5] = length2 > 0 ? 1 / Math.sqrt(length2) : 0;
		}
		w.hullSize = size;
	}

	/** Whether minutia a sorts before minutia b by x, then y (as {@link Float#compare}). */
	private static boolean before(Minutiae m, int a, int b) {
		int byX = Float.compare(m.x[a], m.x[b]);
		return byX != 0 ? byX < 0 : Float.compare(m.y[a], m.y[b]) < 0;
	}

	private static double cross(Minutiae m, int o, int a, int b) {
		return (double)(m.x[a] - m.x[o]) * (m.y[b] - m.y[o]) - (double)(m.y[a] - m.y[o]) * (m.x[b] - m.x[o]);
	}

	/**
	 * Depth of a point of the hull (a minutia) below its boundary: the least distance to an edge's line, 0 for a
	 * degenerate hull.
	 */
	private static double depth(Workspace w, double px, double py) {
		int size = w.hullSize;
		if (size < 3)
			return 0;
		double[] e = w.edges;
		double depth = Double.MAX_VALUE;
		for (int i = 0; i < size; ++i) {
			double cross = e[6 * i + 2] * (py - e[6 * i + 1]) - e[6 * i + 3] * (px - e[6 * i]);
			// cross / |e| is the signed distance to the edge's line, positive inside.
			depth = Math.min(depth, cross * e[6 * i + 5]);
		}
		return Math.max(0, depth);
	}

	/** Whether a point lies inside the hull or within {@link #OMEGA} of it. */
	private static boolean nearHull(Workspace w, double px, double py) {
		int size = w.hullSize;
		if (size == 0)
			return false;
		double[] e = w.edges;
		if (size < 3) {
			for (int i = 0; i < size; ++i)
				if (segmentDistance2(e, i, px, py) <= OMEGA * OMEGA)
					return true;
			return false;
		}
		// Inside, or within OMEGA of an edge the point lies outside of: the point nearest to it on a convex hull is
		// on such an edge.
		boolean inside = true;
		for (int i = 0; i < size; ++i)
			if (e[6 * i + 2] * (py - e[6 * i + 1]) - e[6 * i + 3] * (px - e[6 * i]) < 0) {
				if (segmentDistance2(e, i, px, py) <= OMEGA * OMEGA)
					return true;
				inside = false;
			}
		return inside;
	}

	/** Squared distance of a point from hull edge i. */
	private static double segmentDistance2(double[] e, int i, double px, double py) {
		double ex = e[6 * i + 2], ey = e[6 * i + 3], wx = px - e[6 * i], wy = py - e[6 * i + 1];
		double length2 = e[6 * i + 4];
		double t = length2 > 0 ? Math.max(0, Math.min(1, (wx * ex + wy * ey) / length2)) : 0;
		double qx = wx - t * ex, qy = wy - t * ey;
		return qx * qx + qy * qy;
	}
}
