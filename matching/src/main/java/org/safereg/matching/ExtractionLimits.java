package org.safereg.matching;

/**
 * Input limits checked before any image is decoded. Immutable; change values with the {@code with*} methods.
 * <p>
 * Byte size is checked first, then the format signature, then width and height read from the image header
 * only (PNG IHDR, JPEG SOF, BMP/TIFF headers through {@code javax.imageio} without reading the raster; WSQ
 * SOF parsed by hand). An image that passes decodes into at most {@link #maxPixels()} gray bytes (plus a
 * transient RGB copy for colour inputs), so a decompression bomb cannot allocate more than that.
 * <p>
 * Defaults suit single-finger captures at 500 to 1000 dpi: a rolled finger at 500 dpi is about 800x750, a
 * plain thumb 400x1000.
 */
public final class ExtractionLimits {
	private final int maxBytes;
	private final int maxWidth;
	private final int maxHeight;
	private final long maxPixels;
	private final int minWidth;
	private final int minHeight;
	private final double minDpi;
	private final double maxDpi;
	private final int maxTemplateBytes;
	private final int maxTransactionBytes;

	private ExtractionLimits(int maxBytes, int maxWidth, int maxHeight, long maxPixels, int minWidth, int minHeight,
			double minDpi, double maxDpi, int maxTemplateBytes, int maxTransactionBytes) {
		if (maxBytes <= 0 || maxWidth <= 0 || maxHeight <= 0 || maxPixels <= 0 || minWidth <= 0 || minHeight <= 0
				|| minWidth > maxWidth || minHeight > maxHeight || !(minDpi > 0) || !(maxDpi >= minDpi)
				|| maxTemplateBytes <= 0 || maxTransactionBytes <= 0)
			throw new IllegalArgumentException("Inconsistent extraction limits");
		this.maxBytes = maxBytes;
		this.maxWidth = maxWidth;
		this.maxHeight = maxHeight;
		this.maxPixels = maxPixels;
		this.minWidth = minWidth;
		this.minHeight = minHeight;
		this.minDpi = minDpi;
		this.maxDpi = maxDpi;
		this.maxTemplateBytes = maxTemplateBytes;
		this.maxTransactionBytes = maxTransactionBytes;
	}

	/**
	 * Defaults: 8 MiB per image, at most 2048x2048 and 4 Mpx, at least 96x96 px, 250 to 1200 dpi, templates up to
	 * 256 KiB, ANSI/NIST-ITL transactions up to 32 MiB.
	 */
	public static ExtractionLimits defaults() {
		return new ExtractionLimits(8 << 20, 2048, 2048, 2048L * 2048, 96, 96, 250, 1200, 256 << 10, 32 << 20);
	}

	public int maxBytes() { return maxBytes; }
	public int maxWidth() { return maxWidth; }
	public int maxHeight() { return maxHeight; }
	public long maxPixels() { return maxPixels; }
	public int minWidth() { return minWidth; }
	public int minHeight() { return minHeight; }
	public double minDpi() { return minDpi; }
	public double maxDpi() { return maxDpi; }
	public int maxTemplateBytes() { return maxTemplateBytes; }
	public int maxTransactionBytes() { return maxTransactionBytes; }

	public ExtractionLimits withMaxBytes(int v) {
		return new ExtractionLimits(v, maxWidth, maxHeight, maxPixels, minWidth, minHeight, minDpi, maxDpi, maxTemplateBytes, maxTransactionBytes);
	}
	public ExtractionLimits withMaxDimensions(int width, int height, long pixels) {
		return new ExtractionLimits(maxBytes, width, height, pixels, minWidth, minHeight, minDpi, maxDpi, maxTemplateBytes, maxTransactionBytes);
	}
	public ExtractionLimits withMinDimensions(int width, int height) {
		return new ExtractionLimits(maxBytes, maxWidth, maxHeight, maxPixels, width, height, minDpi, maxDpi, maxTemplateBytes, maxTransactionBytes);
	}
	public ExtractionLimits withDpiRange(double min, double max) {
		return new ExtractionLimits(maxBytes, maxWidth, maxHeight, maxPixels, minWidth, minHeight, min, max, maxTemplateBytes, maxTransactionBytes);
	}
	public ExtractionLimits withMaxTemplateBytes(int v) {
		return new ExtractionLimits(maxBytes, maxWidth, maxHeight, maxPixels, minWidth, minHeight, minDpi, maxDpi, v, maxTransactionBytes);
	}
	public ExtractionLimits withMaxTransactionBytes(int v) {
		return new ExtractionLimits(maxBytes, maxWidth, maxHeight, maxPixels, minWidth, minHeight, minDpi, maxDpi, maxTemplateBytes, v);
	}

	@Override
	public String toString() {
		return "ExtractionLimits[maxBytes=" + maxBytes + ", max=" + maxWidth + "x" + maxHeight + "/" + maxPixels + "px, min=" + minWidth + "x" + minHeight
				+ ", dpi=" + minDpi + ".." + maxDpi + ", maxTemplateBytes=" + maxTemplateBytes + ", maxTransactionBytes=" + maxTransactionBytes + "]";
	}
}
