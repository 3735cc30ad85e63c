package org.safereg.matching.synthetic;

import java.util.SplittableRandom;

/**
 * Impression stage: maps the master ridge map to one capture with rotation, translation, elastic distortion
 * (smooth displacement field plus skin stretch away from the contact centre), a partial elliptical contact
 * region, finger pressure (ridge thickness), sensor noise and blur. Internal. Cost: a few ms.
 */
final class ImpressionModel {
	private ImpressionModel() {
	}

	static SyntheticImage render(float[] master, int width, int height, SplittableRandom random) {
		double angle = Math.toRadians(random.nextDouble(-12, 12));
		double tx = random.nextDouble(-18, 18), ty = random.nextDouble(-18, 18);
		double cos = StrictMath.cos(angle), sin = StrictMath.sin(angle);
		double ampX = random.nextDouble(1, 4), ampY = random.nextDouble(1, 4);
		double wave = 2 * Math.PI / random.nextDouble(150, 300);
		double phaseX = random.nextDouble(0, 6.3), phaseY = random.nextDouble(0, 6.3);
		double stretch = random.nextDouble(-0.04, 0.04);
		double pressure = random.nextDouble(-0.3, 0.3);
		double noise = random.nextDouble(6, 14);
		double cx = width / 2.0 + random.nextDouble(-20, 20), cy = height / 2.0 + random.nextDouble(-25, 25);
		double ax = width * random.nextDouble(0.36, 0.46), ay = height * random.nextDouble(0.38, 0.48);
		float[] ink = new float[width * height];
		for (int y = 0; y < height; ++y)
			for (int x = 0; x < width; ++x) {
				// Contact region in output coordinates, soft-edged.
				double ex = (x - cx) / ax, ey = (y - cy) / ay;
				double r = Math.sqrt(ex * ex + ey * ey);
				if (r >= 1.08)
					continue;
				double contact = r < 0.92 ? 1 : (1.08 - r) / 0.16;
				// Inverse mapping: undo distortion, then translation and rotation about the centre.
				double stretchFactor = 1 + stretch * r * r;
				double ux = cx + (x - cx) / stretchFactor + ampX * StrictMath.sin(y * wave + phaseX);
				double uy = cy + (y - cy) / stretchFactor + ampY * StrictMath.sin(x * wave + phaseY);
				double rx = ux - width / 2.0 - tx, ry = uy - height / 2.0 - ty;
				double sx = width / 2.0 + cos * rx + sin * ry, sy = height / 2.0 - sin * rx + cos * ry;
				double v = bilinear(master, width, height, sx, sy);
				if (v == 0)
					continue;
				double t = (v + pressure + 0.35) / 0.7; // smoothstep over [-0.35, 0.35]
				t = t < 0 ? 0 : t > 1 ? 1 : t;
				ink[y * width + x] = (float)(contact * t * t * (3 - 2 * t));
			}
		byte[] pixels = new byte[width * height];
		for (int y = 0; y < height; ++y)
			for (int x = 0; x < width; ++x) {
				// 3x3 box blur of the ink, then paper white, ink dark, Gaussian sensor noise.
				float sum = 0;
				int n = 0;
				for (int dy = -1; dy <= 1; ++dy)
					for (int dx = -1; dx <= 1; ++dx) {
						int xx = x + dx, yy = y + dy;
						if (xx >= 0 && yy >= 0 && xx < width && yy < height) {
							sum += ink[yy * width + xx];
							++n;
						}
					}
				double gray = 242 - 205 * (sum / n) + noise * random.nextGaussian();
				pixels[y * width + x] = (byte)Math.max(0, Math.min(255, (int)Math.round(gray)));
			}
		return new SyntheticImage(width, height, pixels, 500);
	}

	private static double bilinear(float[] map, int width, int height, double x, double y) {
		if (x < 0 || y < 0 || x >= width - 1 || y >= height - 1)
			return 0;
		int x0 = (int)x, y0 = (int)y;
		double fx = x - x0, fy = y - y0;
		int i = y0 * width + x0;
		return (1 - fy) * ((1 - fx) * map[i] + fx * map[i + 1]) + fy * ((1 - fx) * map[i + width] + fx * map[i + width + 1]);
	}
}
