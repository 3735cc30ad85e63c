package org.safereg.privacy.statistics.extract;

import java.util.regex.Pattern;

/**
 * A person's pseudonym in the extracts of one recipient and epoch: 32 lower-case hex digits (128 bits).
 * Says nothing about the person without the registry's key; unrelated to the pseudonyms other recipients or
 * other epochs get.
 */
public record ExtractPseudonym(String value) {
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{32}");

    public ExtractPseudonym {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("an extract pseudonym is 32 lower-case hex digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
