package org.safereg.registration;

import java.util.List;

/** The request data is invalid; {@link #errors()} lists every invalid field. Nothing was written. API: 400/422. */
public final class ValidationException extends RegistrationException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("invalid request: " + errors.size() + " field error(s)");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String path, String message) {
        return new ValidationException(List.of(new FieldError(path, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The same errors with {@code prefix} before every path (for details nested in a larger request body). */
    public ValidationException prefixed(String prefix) {
        return new ValidationException(errors.stream().map(e -> new FieldError(prefix + e.path(), e.message())).toList());
    }
}
