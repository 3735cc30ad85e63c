package org.safereg.matching;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jnbis.api.Jnbis;
import org.jnbis.api.model.Nist;
import org.jnbis.api.model.record.HighResolutionGrayscaleFingerprint;
import org.jnbis.api.model.record.VariableResolutionFingerprint;

/**
 * Import of fingerprint image records (type-4 and type-14) from ANSI/NIST-ITL traditional-encoding
 * transactions, through JNBIS. Internal. Each image goes through the same limits, quality gate and
 * extraction as a directly submitted image.
 */
final class NistImport {
	private static final byte[] SIGNATURE = "1.001:".getBytes(StandardCharsets.US_ASCII);

	private NistImport() {
	}

	interface ImagePipeline {
		ExtractedFinger encoded(byte[] image, FingerPosition position, double dpi) throws FingerprintRejectedException;

		ExtractedFinger raw(byte[] pixels, int width, int height, FingerPosition position, double dpi) throws FingerprintRejectedException;
	}

	static List<NistFingerRecord> read(byte[] bytes, ExtractionLimits limits, double defaultDpi, ImagePipeline pipeline) throws FingerprintRejectedException {
		if (bytes == null || bytes.length == 0)
			throw new FingerprintRejectedException(RejectionReason.CORRUPT_IMAGE, "empty input");
		if (bytes.length > limits.maxTransactionBytes())
			throw new FingerprintRejectedException(RejectionReason.TOO_LARGE_BYTES, bytes.length + " bytes exceeds " + limits.maxTransactionBytes());
		if (bytes.length < SIGNATURE.length || !java.util.Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length))
			throw new FingerprintRejectedException(RejectionReason.UNSUPPORTED_FORMAT, "not an ANSI/NIST-ITL traditional-encoding transaction");
		Nist nist;
		try {
			nist = Jnbis.nist().decode(bytes);
		} catch (RuntimeException e) {
			throw new FingerprintRejectedException(RejectionReason.CORRUPT_IMAGE, "damaged ANSI/NIST-ITL transaction");
		}
		List<NistFingerRecord> records = new ArrayList<>();
		for (HighResolutionGrayscaleFingerprint record : nist.getHiResGrayscaleFingerprints()) {
			// Type-4 ISR 0 = native scanning resolution of at least 19.69 px/mm, i.e. 500 ppi.
			records.add(convert(4, record.getFingerPosition(), defaultDpi, record.getCompressionAlgorithm(), "0", "1",
					record.getImageData(), record.getHorizontalLineLength(), record.getVerticalLineLength(), pipeline));
		}
		for (VariableResolutionFingerprint record : nist.getVariableResFingerprints()) {
			double dpi = type14Dpi(record.getScaleUnits(), record.getHorizontalPixelScale(), defaultDpi);
			records.add(convert(14, record.getFingerPosition(), dpi, record.getCompressionAlgorithm(), "NONE", "WSQ20",
					record.getImageData(), record.getHorizontalLineLength(), record.getVerticalLineLength(), pipeline));
		}
		return List.copyOf(records);
	}

	private static NistFingerRecord convert(int type, String positionField, double dpi, String compression, String rawCode, String wsqCode,
			byte[] data, String widthField, String heightField, ImagePipeline pipeline) {
		int code = firstInt(positionField, -1);
		if (code < 0 || code > 10)
			return new NistFingerRecord(type, code, null, RejectionReason.NOT_SINGLE_FINGER);
		FingerPosition position = FingerPosition.ofCode(code);
		try {
			String c = compression == null ? "" : compression.trim();
			ExtractedFinger finger;
			if (c.equalsIgnoreCase(rawCode))
				finger = pipeline.raw(data, firstInt(widthField, -1), firstInt(heightField, -1), position, dpi);
			else if (c.equalsIgnoreCase(wsqCode) || c.equalsIgnoreCase("WSQ") || c.equalsIgnoreCase("PNG") || c.equalsIgnoreCase("JPEGB"))
				finger = pipeline.encoded(data, position, dpi);
			else
				return new NistFingerRecord(type, code, null, RejectionReason.UNSUPPORTED_FORMAT);
			return new NistFingerRecord(type, code, finger, null);
		} catch (FingerprintRejectedException e) {
			return new NistFingerRecord(type, code, null, e.reason());
		}
	}

	private static double type14Dpi(String units, String scale, double defaultDpi) {
		int u = firstInt(units, 0);
		int s = firstInt(scale, 0);
		if (s <= 0)
			return defaultDpi;
		return u == 1 ? s : u == 2 ? s * 2.54 : defaultDpi;
	}

	private static int firstInt(String field, int fallback) {
		if (field == null)
			return fallback;
		String token = field.trim().split("[^0-9]+", 2)[0];
		try {
			return token.isEmpty() ? fallback : Integer.parseInt(token);
		} catch (NumberFormatException e) {
			return fallback;
		}
	}
}
