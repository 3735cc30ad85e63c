package org.safereg.registration;

/**
 * A KEK version cannot be retired: data keys are still wrapped by it (re-wrap first), or it is the primary
 * version. Nothing was changed. API: 409.
 */
public final class KekVersionInUseException extends RegistrationException {
    public KekVersionInUseException(String message) {
        super(message);
    }
}
