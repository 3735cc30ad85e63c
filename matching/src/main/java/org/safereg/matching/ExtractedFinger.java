package org.safereg.matching;

import com.machinezoo.sourceafis.FingerprintTemplate;

/**
 * A template extracted from a fingerprint image that passed the limits and the quality gate. Immutable and
 * thread-safe.
 * <p>
 * Store {@link #templateBytes()} together with {@link #sourceafisVersion()}: SourceAFIS templates are only
 * compatible with the library version that made them, so keep the raw image too and re-extract after an
 * upgrade.
 */
public final class ExtractedFinger {
	private final FingerPosition position;
	private final FingerprintTemplate template;
	private final byte[] templateBytes;
	private final String sourceafisVersion;
	private final ImageFormat format;
	private final int width;
	private final int height;
	private final double dpi;
	private final QualityReport quality;

	ExtractedFinger(FingerPosition position, FingerprintTemplate template, ImageFormat format, int width, int height, double dpi, QualityReport quality) {
		this.position = position;
		this.template = template;
		this.templateBytes = template.toByteArray();
		this.sourceafisVersion = TemplateExtractor.sourceafisVersion();
		this.format = format;
		this.width = width;
		this.height = height;
		this.dpi = dpi;
		this.quality = quality;
	}

	public FingerPosition position() { return position; }
	/** Deserialized template, ready for matching. */
	public FingerprintTemplate template() { return template; }
	/** Serialized template (SourceAFIS CBOR, typically 0.4 to 1.5 KB). Returns a copy. */
	public byte[] templateBytes() { return templateBytes.clone(); }
	/** SourceAFIS version that produced the template, e.g. "3.18.1". */
	public String sourceafisVersion() { return sourceafisVersion; }
	/** Encoding of the source image, or null for raw pixels from an ANSI/NIST-ITL record. */
	public ImageFormat format() { return format; }
	public int width() { return width; }
	public int height() { return height; }
	/** Capture resolution the template was extracted at. */
	public double dpi() { return dpi; }
	public QualityReport quality() { return quality; }

	/** Position and template, for enrolment or a probe. */
	public Finger finger() {
		return new Finger(position, template);
	}

	@Override
	public String toString() {
		return "ExtractedFinger[" + position + ", " + format + " " + width + "x" + height + " @" + dpi + "dpi, minutiae=" + quality.minutiae() + "]";
	}
}
