package org.safereg.registration;

/**
 * Base of the exceptions the registration services throw for a request that cannot be served as asked.
 * Messages never contain personal values, key material or SQL; they are safe to show to the client.
 * Infrastructure failures are not wrapped: {@link org.safereg.keys.KeyProviderUnavailableException} and
 * Spring's {@link org.springframework.dao.DataAccessException} family propagate unchanged (the API answers 503).
 */
public abstract class RegistrationException extends RuntimeException {
    protected RegistrationException(String message) {
        super(message, null, false, false);
    }

    protected RegistrationException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
