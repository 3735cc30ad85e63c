package org.safereg.privacy.sharing;

import java.util.regex.Pattern;

/**
 * A recipient organisation outside ours (a partner agency, a government body), by a short stable code such as
 * {@code WFP-SO} or {@code UNICEF}: letters, digits, '.', '_' and '-', 2 to 64 characters.
 */
public record RecipientId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

    public RecipientId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid recipient code");
        }
    }

    public static RecipientId of(String value) {
        return new RecipientId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
