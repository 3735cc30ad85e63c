package org.safereg.matching;

/**
 * Format and dimensions read from an image header, before any pixel is decoded.
 *
 * @see TemplateExtractor#inspect(byte[])
 */
public record ImageHeader(ImageFormat format, int width, int height) {
}
