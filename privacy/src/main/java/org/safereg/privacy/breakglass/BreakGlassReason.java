package org.safereg.privacy.breakglass;

import java.util.Objects;

/**
 * The reason stated for a break-glass request: 1..500 characters, not blank. It may describe the person and
 * their situation, so it is personal data: it is stored encrypted and never logged; {@link #toString()} does not
 * reveal it.
 */
public final class BreakGlassReason {
    /** Longest reason accepted, in characters. */
    public static final int MAX_LENGTH = 500;

    private final String text;

    private BreakGlassReason(String text) {
        this.text = text;
    }

    /** Throws {@link IllegalArgumentException} (without the text) if {@code text} is blank or too long. */
    public static BreakGlassReason of(String text) {
        if (!valid(text)) {
            throw new IllegalArgumentException("a break-glass reason has 1.." + MAX_LENGTH + " characters, not blank");
        }
        return new BreakGlassReason(text);
    }

    /** Whether {@code text} is an acceptable reason. */
    public static boolean valid(String text) {
        return text != null && !text.isBlank() && text.codePointCount(0, text.length()) <= MAX_LENGTH;
    }

    /** The reason's text (personal data: never log it). */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BreakGlassReason other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    @Override
    public String toString() {
        return "BreakGlassReason[redacted]";
    }
}
