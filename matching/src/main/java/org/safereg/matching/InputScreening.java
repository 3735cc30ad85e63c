package org.safereg.matching;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Limits stage: byte size, format signature, then header dimensions, all before any pixel is decoded.
 * Internal. Cost: microseconds (a header parse), independent of the claimed image size.
 */
final class InputScreening {
	private InputScreening() {
	}

	static void checkDpi(double dpi, ExtractionLimits limits) throws FingerprintRejectedException {
		if (!(dpi >= limits.minDpi() && dpi <= limits.maxDpi()))
			throw new FingerprintRejectedException(RejectionReason.INVALID_RESOLUTION,
					dpi + " dpi outside " + limits.minDpi() + ".." + limits.maxDpi());
	}

	static ImageHeader screen(byte[] bytes, ExtractionLimits limits) throws FingerprintRejectedException {
		if (bytes == null || bytes.length == 0)
			throw new FingerprintRejectedException(RejectionReason.CORRUPT_IMAGE, "empty input");
		if (bytes.length > limits.maxBytes())
			throw new FingerprintRejectedException(RejectionReason.TOO_LARGE_BYTES, bytes.length + " bytes exceeds " + limits.maxBytes());
		ImageFormat format = ImageFormat.detect(bytes)
				.orElseThrow(() -> new FingerprintRejectedException(RejectionReason.UNSUPPORTED_FORMAT, "unrecognised file signature"));
		ImageHeader header = format == ImageFormat.WSQ ? WsqHeader.read(bytes) : readImageIoHeader(bytes, format);
		checkDimensions(header.width(), header.height(), limits);
		return header;
	}

	static void checkDimensions(int width, int height, ExtractionLimits limits) throws FingerprintRejectedException {
		if (width > limits.maxWidth() || height > limits.maxHeight() || (long)width * height > limits.maxPixels())
			throw new FingerprintRejectedException(RejectionReason.TOO_LARGE_PIXELS,
					width + "x" + height + " px exceeds " + limits.maxWidth() + "x" + limits.maxHeight() + " or " + limits.maxPixels() + " px");
		if (width < limits.minWidth() || height < limits.minHeight())
			throw new FingerprintRejectedException(RejectionReason.TOO_SMALL_PIXELS,
					width + "x" + height + " px below " + limits.minWidth() + "x" + limits.minHeight());
	}

	/** Opens an ImageIO reader on an in-memory stream (no temporary file cache: biometric data never touches disk). */
	static ImageReader openReader(byte[] bytes, ImageFormat format) throws FingerprintRejectedException {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
		if (!readers.hasNext())
			throw new FingerprintRejectedException(RejectionReason.UNSUPPORTED_FORMAT, format + " decoder not available");
		ImageReader reader = readers.next();
		ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
		// seekForwardOnly, ignoreMetadata: text/ICC chunks are skipped, never inflated.
		reader.setInput(stream, true, true);
		return reader;
	}

	static void close(ImageReader reader) {
		Object input = reader.getInput();
		reader.dispose();
		if (input instanceof ImageInputStream stream) {
			try {
				stream.close();
			} catch (IOException e) {
				// in-memory stream, nothing to release
			}
		}
	}

	private static ImageHeader readImageIoHeader(byte[] bytes, ImageFormat format) throws FingerprintRejectedException {
		ImageReader reader = openReader(bytes, format);
		try {
			return new ImageHeader(format, reader.getWidth(0), reader.getHeight(0));
		} catch (IOException | RuntimeException e) {
			throw new FingerprintRejectedException(RejectionReason.CORRUPT_IMAGE, "unreadable " + format + " header");
		} finally {
			close(reader);
		}
	}
}
