package org.safereg.matching;

import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.util.List;
import java.util.Objects;

/**
 * Turns fingerprint images and foreign templates into SourceAFIS templates, enforcing input limits and the
 * quality gate.
 * <p>
 * Pipeline for an image: <b>screen</b> (byte size, format signature, dimensions from the header, no pixel
 * decoded) &rarr; <b>decode</b> to 8-bit gray &rarr; <b>quality</b> (blank, saturated, usable area) &rarr;
 * <b>extract</b> (SourceAFIS) &rarr; <b>minutiae count</b>. Every failure is a
 * {@link FingerprintRejectedException} with a stable {@link RejectionReason}.
 * <p>
 * Cost: screening takes microseconds whatever the claimed size; a whole extraction 25-50 ms for a 388x374
 * print and 100-300 ms for a rolled 800x750 print on one core. Memory: the decoded image (width x height
 * bytes, plus a transient RGB copy for colour files) and SourceAFIS working buffers (a few MB).
 * <p>
 * Thread-safe and stateless: one instance can serve all threads. Images are decoded in memory only (no
 * ImageIO disk cache), so biometric data is never written to temporary files.
 */
public final class TemplateExtractor {
	/** Capture resolution assumed when none is given: 500 dpi, the norm for fingerprint scanners. */
	public static final double DEFAULT_DPI = 500;
	private static final String VERSION = FingerprintCompatibility.version();

	private final ExtractionLimits limits;
	private final QualityThresholds quality;

	/** Extractor with {@link ExtractionLimits#defaults()} and {@link QualityThresholds#defaults()}. */
	public TemplateExtractor() {
		this(ExtractionLimits.defaults(), QualityThresholds.defaults());
	}

	public TemplateExtractor(ExtractionLimits limits, QualityThresholds quality) {
		this.limits = Objects.requireNonNull(limits);
		this.quality = Objects.requireNonNull(quality);
	}

	public ExtractionLimits limits() {
		return limits;
	}

	public QualityThresholds qualityThresholds() {
		return quality;
	}

	/** SourceAFIS version that makes templates in this process, e.g. "3.18.1". Record it with stored templates. */
	public static String sourceafisVersion() {
		return VERSION;
	}

	/** Same as {@link #extract(byte[], FingerPosition, double)} at {@link #DEFAULT_DPI}. */
	public ExtractedFinger extract(byte[] image, FingerPosition position) throws FingerprintRejectedException {
		return extract(image, position, DEFAULT_DPI);
	}

	/**
	 * Extracts a template from an encoded PNG, JPEG, BMP, TIFF or WSQ image.
	 *
	 * @param image
	 *            encoded image bytes (not modified)
	 * @param position
	 *            finger position of the capture
	 * @param dpi
	 *            capture resolution; SourceAFIS is not scale-invariant, so a wrong value ruins matching
	 * @throws FingerprintRejectedException
	 *             when a limit or the quality gate rejects the input
	 */
	public ExtractedFinger extract(byte[] image, FingerPosition position, double dpi) throws FingerprintRejectedException {
		Objects.requireNonNull(position, "position");
		InputScreening.checkDpi(dpi, limits);
		ImageHeader header = InputScreening.screen(image, limits);
		GrayImage gray = ImageDecoding.decode(image, header);
		return fromPixels(gray, header.format(), position, dpi);
	}

	/**
	 * Reads the format and dimensions of an image from its header only, applying the same limits as
	 * {@link #extract(byte[], FingerPosition, double)}. Microseconds; nothing is decoded.
	 *
	 * @return format, width and height
	 */
	public ImageHeader inspect(byte[] image) throws FingerprintRejectedException {
		return InputScreening.screen(image, limits);
	}

	/**
	 * Imports an ISO/IEC 19794-2 (2005 or 2011) or ANSI INCITS 378 (2004, 2009, 2009/AM1) template, one entry per
	 * finger in file order. The minutiae threshold of the quality gate applies to every finger.
	 *
	 * @throws FingerprintRejectedException
	 *             INVALID_TEMPLATE for unknown or damaged data, TOO_LARGE_BYTES, TOO_FEW_MINUTIAE
	 */
	public List<ImportedTemplate> importTemplates(byte[] template) throws FingerprintRejectedException {
		return TemplateImport.importTemplates(template, limits, quality);
	}

	/**
	 * Extracts templates from the fingerprint image records (type-4 and type-14) of an ANSI/NIST-ITL transaction
	 * file. Each record goes through the same limits and quality gate as a single image and gets its own outcome;
	 * plain thumbs and slaps (positions 11 to 15) are reported as {@link RejectionReason#NOT_SINGLE_FINGER}.
	 *
	 * @param defaultDpi
	 *            resolution for records that do not state one (type-4 records at native resolution are 500 dpi)
	 * @throws FingerprintRejectedException
	 *             when the file as a whole is too large, not ANSI/NIST-ITL or damaged
	 */
	public List<NistFingerRecord> importNist(byte[] transaction, double defaultDpi) throws FingerprintRejectedException {
		InputScreening.checkDpi(defaultDpi, limits);
		return NistImport.read(transaction, limits, defaultDpi, new NistImport.ImagePipeline() {
			@Override
			public ExtractedFinger encoded(byte[] image, FingerPosition position, double dpi) throws FingerprintRejectedException {
				return extract(image, position, dpi);
			}

			@Override
			public ExtractedFinger raw(byte[] pixels, int width, int height, FingerPosition position, double dpi) throws FingerprintRejectedException {
				InputScreening.checkDpi(dpi, limits);
				InputScreening.checkDimensions(width, height, limits);
				return fromPixels(ImageDecoding.raw(pixels, width, height), null, position, dpi);
			}
		});
	}

	/**
	 * Deserializes a stored SourceAFIS template (from {@link ExtractedFinger#templateBytes()}). Takes 60-90 us: do
	 * it once when loading a gallery, never per comparison.
	 *
	 * @throws FingerprintRejectedException
	 *             INVALID_TEMPLATE if the bytes are not a template of a compatible SourceAFIS version
	 */
	public FingerprintTemplate deserialize(byte[] templateBytes) throws FingerprintRejectedException {
		if (templateBytes == null || templateBytes.length == 0 || templateBytes.length > limits.maxTemplateBytes())
			throw new FingerprintRejectedException(RejectionReason.INVALID_TEMPLATE, "missing or oversized serialized template");
		try {
			return new FingerprintTemplate(templateBytes);
		} catch (RuntimeException e) {
			throw new FingerprintRejectedException(RejectionReason.INVALID_TEMPLATE, "not a SourceAFIS " + VERSION + " template");
		}
	}

	private ExtractedFinger fromPixels(GrayImage gray, ImageFormat format, FingerPosition position, double dpi) throws FingerprintRejectedException {
		QualityReport report = QualityGate.measure(gray, dpi, quality);
		QualityGate.checkImage(report, quality);
		FingerprintTemplate template = FeatureExtraction.extract(gray, dpi);
		int minutiae = FeatureExtraction.minutiae(template);
		QualityGate.checkMinutiae(minutiae, quality);
		return new ExtractedFinger(position, template, format, gray.width(), gray.height(), dpi, report.withMinutiae(minutiae));
	}
}
