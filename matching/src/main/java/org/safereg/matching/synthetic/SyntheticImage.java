package org.safereg.matching.synthetic;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * An 8-bit gray synthetic fingerprint image, row by row, 0 = black ridge, 255 = white.
 *
 * @param dpi
 *            resolution the image simulates (always 500)
 */
public record SyntheticImage(int width, int height, byte[] pixels, double dpi) {
	/** Lossless PNG encoding (a few ms). */
	public byte[] toPng() {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		image.getRaster().setDataElements(0, 0, width, height, pixels);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
