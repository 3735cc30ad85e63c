package org.safereg.registration.model;

import java.util.Optional;

/** Null-tolerance for record components (JSON binding may pass null for an absent Optional). */
final class Models {
    private Models() {
    }

    static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }
}
