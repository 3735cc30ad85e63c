package org.safereg.registration.model;

import java.util.regex.Pattern;

/**
 * A client-chosen idempotency key (header {@code Idempotency-Key}): 1..100 printable ASCII characters, scoped to
 * the actor. Retrying a request with the same key and the same body returns the first result; the same key with
 * a different body is refused.
 */
public record IdempotencyKey(String value) {
    private static final Pattern FORM = Pattern.compile("[\\x21-\\x7e]{1,100}");

    public IdempotencyKey {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("an idempotency key is 1..100 printable ASCII characters");
        }
    }

    /** Whether {@code value} is a well-formed key (for mapping a header to a field error). */
    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }
}
