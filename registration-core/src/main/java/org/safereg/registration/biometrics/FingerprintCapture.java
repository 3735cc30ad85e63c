package org.safereg.registration.biometrics;

import java.util.Objects;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.TemplateExtractor;

/**
 * One captured finger as received: an encoded image (PNG, JPEG, BMP, TIFF or WSQ; the format is recognised from
 * its bytes), the finger position and the capture resolution. The image array is not copied: do not modify it
 * while a call is running. {@link #toString()} never shows the image.
 *
 * @param dpi capture resolution (SourceAFIS is not scale-invariant); {@link TemplateExtractor#DEFAULT_DPI} when
 *            the scanner's is not known
 */
public record FingerprintCapture(FingerPosition position, byte[] image, double dpi) {
    public FingerprintCapture {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(image, "image");
    }

    /** A capture at {@link TemplateExtractor#DEFAULT_DPI} (500). */
    public static FingerprintCapture of(FingerPosition position, byte[] image) {
        return new FingerprintCapture(position, image, TemplateExtractor.DEFAULT_DPI);
    }

    @Override
    public String toString() {
        return "FingerprintCapture[" + position + ", " + image.length + " bytes @" + dpi + "dpi]";
    }
}
