package org.safereg.privacy.sharing;

import java.util.Objects;

/**
 * One term of an agreement or transfer request that breaks a rule: the path of the term in the request (e.g.
 * {@code purposes[1]}) and what is wrong, in plain English, never echoing the value.
 */
public record Violation(String path, String message) {
    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
