package org.safereg.registration.biometrics;

import java.util.Objects;
import org.safereg.keys.SubjectId;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.ImageFormat;

/**
 * A stored fingerprint image, decrypted for an adjudicator. The array is the caller's (not shared); clear it
 * after use. {@link #toString()} never shows the image.
 */
public record FingerImage(SubjectId subject, FingerPosition position, ImageFormat format, double dpi, byte[] image) {
    public FingerImage {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(image, "image");
    }

    @Override
    public String toString() {
        return "FingerImage[" + position + ", " + format + ", " + image.length + " bytes @" + dpi + "dpi]";
    }
}
