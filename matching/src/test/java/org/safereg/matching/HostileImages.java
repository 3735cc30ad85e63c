package org.safereg.matching;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;

/** Hostile and broken fingerprint inputs, made in memory (shared with the registration-core and api tests). */
public final class HostileImages {
	private HostileImages() {
	}

	/** A real decompression bomb: 8000x8000 gray PNG of zeros, about 64 MB of pixels in ~70 KB. */
	public static byte[] decompressionBombPng() {
		return png(8000, 8000, true);
	}

	/** A tiny PNG whose header claims 20000x20000 pixels (a one-byte IDAT). */
	public static byte[] hugeHeaderPng() {
		return png(20000, 20000, false);
	}

	/** WSQ start of image, then a frame header claiming 20000x20000 pixels. */
	public static byte[] hugeHeaderWsq() {
		return new byte[] { (byte)0xFF, (byte)0xA0, (byte)0xFF, (byte)0xA2, 0, 17, 0, (byte)255, 0x4E, 0x20, 0x4E, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	}

	/** WSQ start of image and a plausible 400x400 frame header, cut off there: no tables, no data. */
	public static byte[] truncatedWsq() {
		return new byte[] { (byte)0xFF, (byte)0xA0, (byte)0xFF, (byte)0xA2, 0, 17, 0, (byte)255, 0x01, (byte)0x90, 0x01, (byte)0x90, 0, 0, 0, 0, 0 };
	}

	/** {@code length} random bytes that start with no supported signature. */
	public static byte[] randomBytes(int length, long seed) {
		byte[] random = new byte[length];
		new Random(seed).nextBytes(random);
		random[0] = 0x12;
		return random;
	}

	/** A 1x1 gray image in {@code format} (png, bmp, ...). */
	public static byte[] onePixel(String format) {
		return encode(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY), format);
	}

	public static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out))
				throw new IllegalArgumentException("no ImageIO writer for " + format);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** Hand-made 8-bit gray PNG; with {@code data}, a full IDAT of zero rows, else a one-byte IDAT. */
	public static byte[] png(int width, int height, boolean data) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(new byte[] { (byte)0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
			ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
			DataOutputStream h = new DataOutputStream(ihdr);
			h.writeInt(width);
			h.writeInt(height);
			h.write(new byte[] { 8, 0, 0, 0, 0 }); // 8-bit gray, deflate, no filter method, no interlace
			chunk(out, "IHDR", ihdr.toByteArray());
			ByteArrayOutputStream idat = new ByteArrayOutputStream();
			if (data) {
				try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
					byte[] row = new byte[width + 1];
					for (int y = 0; y < height; ++y)
						z.write(row);
				}
			} else
				idat.write(0);
			chunk(out, "IDAT", idat.toByteArray());
			chunk(out, "IEND", new byte[0]);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		DataOutputStream d = new DataOutputStream(out);
		d.writeInt(data.length);
		byte[] t = type.getBytes(StandardCharsets.US_ASCII);
		d.write(t);
		d.write(data);
		CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(data);
		d.writeInt((int)crc.getValue());
	}
}
