package org.safereg.registration;

import java.util.Objects;

/**
 * One invalid input field. Never echoes the rejected value.
 *
 * @param path JSON-pointer-like path of the field in the request model, e.g. {@code names.givenName} or
 *             {@code documents[1].number}
 * @param message what is wrong, in plain English, without the value
 */
public record FieldError(String path, String message) {
    public FieldError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
