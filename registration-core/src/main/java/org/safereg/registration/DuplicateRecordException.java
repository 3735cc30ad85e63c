package org.safereg.registration;

/** A reference record with the same identifier exists already (P-code, site id). Nothing was written. API: 409. */
public final class DuplicateRecordException extends RegistrationException {
    public DuplicateRecordException(String message) {
        super(message);
    }
}
