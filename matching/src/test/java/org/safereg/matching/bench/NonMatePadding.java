package org.safereg.matching.bench;

import com.machinezoo.fingerprintio.TemplateFormat;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Fingerprint;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Minutia;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005MinutiaType;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Template;
import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Non-mated padding for gallery benchmarks: templates made from the minutiae of real (or synthetic) base prints
 * so that they are mated with no probe, yet have the minutiae density, spacing and direction statistics of
 * real prints.
 * <p>
 * A pad is a chimera of two <b>mirrored</b> base prints (x -> width - x, direction mirrored): base A keeps the
 * minutiae on one side of a random line through its centroid, base B (rotated by a random angle, centroids
 * aligned) fills the other side. A mirrored print is not a plausible impression of any finger of the same
 * hand chirality, and SourceAFIS, like the cylinder index, is invariant to rotation and translation but not to
 * reflection, so a pad never matches a probe made from the unmirrored base. Then a smooth random distortion (3
 * sine waves, amplitude up to 8 px, wavelength 90-250 px), per-minutia jitter (1.5 px, 6 degrees), 10% of the
 * minutiae dropped, clipped to the frame. The result is imported as ISO/IEC 19794-2:2005 through
 * {@link FingerprintCompatibility#importTemplate}.
 * <p>
 * Limits: all pads come from a few hundred bases, so pads share local minutiae neighbourhoods (softened by the
 * distortion, the cut and the jitter): a real gallery of N distinct fingers is more diverse. Pads have no
 * ridge-quality variation of their own, and the cut leaves an unnatural seam. Reproducible for a given seed.
 */
public final class NonMatePadding {
	private final List<Iso19794p2v2005Template> bases;
	private final long seed;

	/** Pads built from the minutiae of these base templates (at least two). */
	public NonMatePadding(List<FingerprintTemplate> bases, long seed) {
		if (bases.size() < 2)
			throw new IllegalArgumentException("At least two bases");
		this.bases = new ArrayList<>();
		for (FingerprintTemplate base : bases) {
			Iso19794p2v2005Template iso = new Iso19794p2v2005Template(FingerprintCompatibility.exportTemplates(TemplateFormat.ISO_19794_2_2005, base), false);
			if (!iso.fingerprints.isEmpty() && iso.fingerprints.get(0).minutiae.size() >= 8)
				this.bases.add(iso);
		}
		this.seed = seed;
	}

	private record Point(double x, double y, double direction, boolean ending) {
	}

	/** The pad number {@code index} (deterministic). Thread-safe. About 0.2-0.4 ms. */
	public FingerprintTemplate pad(long index) {
		SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
		Iso19794p2v2005Template a = bases.get(random.nextInt(bases.size()));
		Iso19794p2v2005Template b = bases.get(random.nextInt(bases.size()));
		List<Point> pa = mirrored(a), pb = mirrored(b);
		double[] ca = centroid(pa), cb = centroid(pb);
		double rotation = random.nextDouble(-Math.PI, Math.PI), cos = Math.cos(rotation), sin = Math.sin(rotation);
		double cut = random.nextDouble(0, Math.PI), nx = Math.cos(cut), ny = Math.sin(cut);
		List<Point> points = new ArrayList<>();
		for (Point p : pa)
			if ((p.x - ca[0]) * nx + (p.y - ca[1]) * ny >= 0)
				points.add(p);
		for (Point p : pb) {
			double dx = p.x - cb[0], dy = p.y - cb[1];
			double x = ca[0] + cos * dx - sin * dy, y = ca[1] + sin * dx + cos * dy;
			if ((x - ca[0]) * nx + (y - ca[1]) * ny < 0)
				// Image y points down and ISO angles run counterclockwise: this rotation turns directions by -rotation.
				points.add(new Point(x, y, p.direction - rotation, p.ending));
		}
		double[] amplitude = new double[6], frequency = new double[6], phase = new double[6], angle = new double[6];
		for (int w = 0; w < 6; ++w) {
			amplitude[w] = random.nextDouble(0, 8.0 / 3);
			frequency[w] = 2 * Math.PI / random.nextDouble(90, 250);
			phase[w] = random.nextDouble(0, 2 * Math.PI);
			angle[w] = random.nextDouble(0, 2 * Math.PI);
		}
		Iso19794p2v2005Template out = new Iso19794p2v2005Template();
		out.width = a.width;
		out.height = a.height;
		out.resolutionX = a.resolutionX;
		out.resolutionY = a.resolutionY;
		Iso19794p2v2005Fingerprint view = new Iso19794p2v2005Fingerprint();
		view.quality = a.fingerprints.get(0).quality;
		view.minutiae = new ArrayList<>();
		for (Point p : points) {
			if (random.nextDouble() < 0.1)
				continue;
			// Waves 0-2 displace along x, 3-5 along y.
			double x = p.x + random.nextGaussian() * 1.5, y = p.y + random.nextGaussian() * 1.5;
			for (int w = 0; w < 6; ++w) {
				double s = amplitude[w] * Math.sin(frequency[w] * (p.x * Math.cos(angle[w]) + p.y * Math.sin(angle[w])) + phase[w]);
				if (w < 3)
					x += s;
				else
					y += s;
			}
			if (x < 0 || y < 0 || x >= out.width || y >= out.height)
				continue;
			Iso19794p2v2005Minutia m = new Iso19794p2v2005Minutia();
			m.type = p.ending ? Iso19794p2v2005MinutiaType.ENDING
					: Iso19794p2v2005MinutiaType.BIFURCATION;
			m.positionX = (int)x;
			m.positionY = (int)y;
			double direction = p.direction + random.nextGaussian() * Math.toRadians(6);
			m.angle = Math.floorMod((int)Math.round(direction * 256 / (2 * Math.PI)), 256);
			m.quality = 60;
			view.minutiae.add(m);
		}
		out.fingerprints = List.of(view);
		return FingerprintCompatibility.importTemplate(out.toByteArray());
	}

	/** Minutiae of an ISO template mirrored left-right; directions in ISO units converted to radians (ISO sense). */
	private static List<Point> mirrored(Iso19794p2v2005Template iso) {
		List<Point> points = new ArrayList<>();
		for (Iso19794p2v2005Minutia m : iso.fingerprints.get(0).minutiae) {
			double direction = m.angle * 2 * Math.PI / 256;
			points.add(new Point(iso.width - 1 - m.positionX, m.positionY, Math.PI - direction,
					m.type != Iso19794p2v2005MinutiaType.BIFURCATION));
		}
		return points;
	}

	private static double[] centroid(List<Point> points) {
		double x = 0, y = 0;
		for (Point p : points) {
			x += p.x;
			y += p.y;
		}
		return new double[] { x / points.size(), y / points.size() };
	}
}
