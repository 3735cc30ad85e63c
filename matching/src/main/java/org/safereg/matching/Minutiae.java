package org.safereg.matching;

import com.machinezoo.fingerprintio.TemplateFormat;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Minutia;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Template;
import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.util.List;

/**
 * Minutiae of a SourceAFIS template: positions in pixels at 500 dpi and directions in radians, measured so that
 * a direction {@code d} points along {@code (cos d, sin d)} in image coordinates (x right, y down). Internal.
 * <p>
 * SourceAFIS has no public minutiae accessor: the template is exported as ISO/IEC 19794-2:2005 and parsed back
 * (about 12 us warm; angles are quantized to 1.4 degrees by the format).
 */
final class Minutiae {
	final int count;
	final float[] x;
	final float[] y;
	final float[] direction;

	private Minutiae(int count, float[] x, float[] y, float[] direction) {
		this.count = count;
		this.x = x;
		this.y = y;
		this.direction = direction;
	}

	static Minutiae of(FingerprintTemplate template) {
		Iso19794p2v2005Template iso = iso(template);
		if (iso.fingerprints.isEmpty())
			return new Minutiae(0, new float[0], new float[0], new float[0]);
		// ISO resolution is in pixels per centimetre; 197 px/cm = 500 dpi, the scale SourceAFIS works at.
		double scale = iso.resolutionX > 0 ? 500 / (iso.resolutionX * 2.54) : 1;
		if (Math.abs(scale - 1) < 0.01)
			scale = 1;
		List<Iso19794p2v2005Minutia> list = iso.fingerprints.get(0).minutiae;
		int n = list.size();
		float[] x = new float[n], y = new float[n], direction = new float[n];
		for (int i = 0; i < n; ++i) {
			Iso19794p2v2005Minutia m = list.get(i);
			x[i] = (float)(m.positionX * scale);
			y[i] = (float)(m.positionY * scale);
			// ISO angles run counterclockwise in units of 360/256 degrees; image y points down.
			direction[i] = (float)(-m.angle * (2 * Math.PI / 256));
		}
		return new Minutiae(n, x, y, direction);
	}

	/** The template as parsed ISO/IEC 19794-2:2005 (one fingerprint view, or none for an empty template). */
	static Iso19794p2v2005Template iso(FingerprintTemplate template) {
		return new Iso19794p2v2005Template(FingerprintCompatibility.exportTemplates(TemplateFormat.ISO_19794_2_2005, template), false);
	}
}
