package org.safereg.privacy;

import java.util.regex.Pattern;

/**
 * A declared purpose of processing, such as {@code REG.ENROL} or {@code PROT.CASE}: upper-case dotted
 * segments, at most 64 characters. Every personal-data request declares one (header {@code X-Purpose}).
 */
public record PurposeCode(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)*");

    public PurposeCode {
        if (value == null || value.length() > 64 || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid purpose code");
        }
    }

    public static PurposeCode of(String value) {
        return new PurposeCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
