package org.safereg.registration;

/**
 * The request refers to reference data that does not exist or does not fit: unknown admin unit P-code or site,
 * parent of the wrong level, site outside the given admin unit. Nothing was written. API: 422.
 *
 * <p>{@link #field()} is the path of the offending field, as in {@link FieldError#path()}.
 */
public final class UnknownReferenceException extends RegistrationException {
    private final String field;

    public UnknownReferenceException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
