package org.safereg.matching;

import java.util.Optional;

/**
 * Fingerprint image encodings accepted by {@link TemplateExtractor}. The format is recognised from the
 * file's leading bytes (magic number), never from a file name or a client-supplied media type.
 */
public enum ImageFormat {
	PNG("png"),
	JPEG("jpeg"),
	BMP("bmp"),
	TIFF("tiff"),
	/** Wavelet Scalar Quantization (FBI/NIST fingerprint compression), decoded with JNBIS. */
	WSQ(null);

	private final String imageIoName;

	ImageFormat(String imageIoName) {
		this.imageIoName = imageIoName;
	}

	/** Format name understood by {@code javax.imageio}, or null for formats decoded elsewhere. */
	String imageIoName() {
		return imageIoName;
	}

	/**
	 * Recognises the format from the leading bytes. Costs a few byte comparisons.
	 *
	 * @return the format, or empty if the bytes start with no supported signature
	 */
	public static Optional<ImageFormat> detect(byte[] bytes) {
		if (bytes == null)
			return Optional.empty();
		if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))
			return Optional.of(PNG);
		if (startsWith(bytes, 0xFF, 0xD8, 0xFF))
			return Optional.of(JPEG);
		if (startsWith(bytes, 'B', 'M'))
			return Optional.of(BMP);
		if (startsWith(bytes, 'I', 'I', 42, 0) || startsWith(bytes, 'M', 'M', 0, 42))
			return Optional.of(TIFF);
		if (startsWith(bytes, 0xFF, 0xA0))
			return Optional.of(WSQ);
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length)
			return false;
		for (int i = 0; i < prefix.length; ++i)
			if ((bytes[i] & 0xFF) != prefix[i])
				return false;
		return true;
	}
}
