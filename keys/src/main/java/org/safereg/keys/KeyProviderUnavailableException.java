package org.safereg.keys;

/**
 * The key provider cannot be reached or refuses service (keystore unreadable, Vault sealed or down).
 * Callers must fail closed: no plaintext fallback; the API answers 503.
 */
public class KeyProviderUnavailableException extends RuntimeException {
    public KeyProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public KeyProviderUnavailableException(String message) {
        super(message);
    }
}
