package org.safereg.matching;

/** Decoded 8-bit gray image, row by row, 0 = black ridge, 255 = white background. Internal. */
record GrayImage(int width, int height, byte[] pixels) {
	GrayImage {
		if ((long)width * height != pixels.length)
			throw new IllegalArgumentException("Pixel buffer does not match dimensions");
	}
}
