package org.safereg.matching;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import javax.imageio.ImageReader;
import org.jnbis.api.Jnbis;
import org.jnbis.api.model.Bitmap;

/**
 * Decode stage: screened bytes to an 8-bit gray image. Internal. Only called after {@link InputScreening}
 * accepted the header, so allocations are bounded by the pixel limits.
 */
final class ImageDecoding {
	private ImageDecoding() {
	}

	static GrayImage decode(byte[] bytes, ImageHeader header) throws FingerprintRejectedException {
		GrayImage image;
		try {
			image = header.format() == ImageFormat.WSQ ? decodeWsq(bytes) : decodeImageIo(bytes, header.format());
		} catch (IOException | RuntimeException e) {
			// JNBIS and ImageIO signal truncated or damaged data with a variety of runtime exceptions.
			throw new FingerprintRejectedException(RejectionReason.CORRUPT_IMAGE, "cannot decode " + header.format());
		}
		if (image.width() != header.width() || image.height() != header.height())
			throw new FingerprintRejectedException(RejectionReason.CORRUPT_IMAGE, "decoded size differs from header");
		return image;
	}

	/** Raw 8-bit gray pixels (uncompressed ANSI/NIST-ITL records). */
	static GrayImage raw(byte[] pixels, int width, int height) throws FingerprintRejectedException {
		if ((long)width * height != pixels.length)
			throw new FingerprintRejectedException(RejectionReason.CORRUPT_IMAGE, "raw pixel count differs from record dimensions");
		return new GrayImage(width, height, pixels);
	}

	private static GrayImage decodeWsq(byte[] bytes) {
		Bitmap bitmap = Jnbis.wsq().decode(bytes).asBitmap();
		return new GrayImage(bitmap.getWidth(), bitmap.getHeight(), bitmap.getPixels());
	}

	private static GrayImage decodeImageIo(byte[] bytes, ImageFormat format) throws IOException, FingerprintRejectedException {
		ImageReader reader = InputScreening.openReader(bytes, format);
		try {
			return toGray(reader.read(0));
		} finally {
			InputScreening.close(reader);
		}
	}

	static GrayImage toGray(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		byte[] gray = new byte[width * height];
		Raster raster = image.getRaster();
		if (raster.getNumBands() == 1 && image.getColorModel().getPixelSize() <= 16) {
			// Gray images: read samples directly. getRGB() would apply a linear-to-sRGB curve and brighten them.
			int bits = image.getColorModel().getComponentSize(0);
			int[] row = new int[width];
			for (int y = 0; y < height; ++y) {
				raster.getSamples(0, y, width, 1, 0, row);
				for (int x = 0; x < width; ++x)
					gray[y * width + x] = (byte)(bits > 8 ? row[x] >>> (bits - 8) : bits < 8 ? row[x] * 255 / ((1 << bits) - 1) : row[x]);
			}
			if (image.getColorModel() instanceof java.awt.image.IndexColorModel)
				return viaRgb(image, gray);
			return new GrayImage(width, height, gray);
		}
		return viaRgb(image, gray);
	}

	private static GrayImage viaRgb(BufferedImage image, byte[] gray) {
		int width = image.getWidth();
		int height = image.getHeight();
		int[] row = new int[width];
		for (int y = 0; y < height; ++y) {
			image.getRGB(0, y, width, 1, row, 0, width);
			for (int x = 0; x < width; ++x) {
				int rgb = row[x];
				int alpha = rgb >>> 24;
				int luma = (299 * ((rgb >> 16) & 0xFF) + 587 * ((rgb >> 8) & 0xFF) + 114 * (rgb & 0xFF)) / 1000;
				// Transparent pixels are background.
				gray[y * width + x] = (byte)((luma * alpha + 255 * (255 - alpha)) / 255);
			}
		}
		return new GrayImage(width, height, gray);
	}
}
