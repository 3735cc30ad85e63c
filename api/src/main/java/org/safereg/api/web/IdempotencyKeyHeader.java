package org.safereg.api.web;

import java.util.Optional;
import org.safereg.registration.ValidationException;
import org.safereg.registration.model.IdempotencyKey;

/** The {@code Idempotency-Key} request header of enrolment routes: optional, 1..100 printable ASCII characters. */
public final class IdempotencyKeyHeader {
    public static final String NAME = "Idempotency-Key";

    private IdempotencyKeyHeader() {
    }

    /** Empty when the header is absent; a validation error (400) when it is malformed. */
    public static Optional<IdempotencyKey> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (!IdempotencyKey.isValid(header)) {
            throw ValidationException.of(NAME, "must be 1 to 100 printable ASCII characters");
        }
        return Optional.of(new IdempotencyKey(header));
    }
}
