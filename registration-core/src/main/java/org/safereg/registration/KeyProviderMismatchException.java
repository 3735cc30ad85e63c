package org.safereg.registration;

/**
 * The key provider is not the one this database was encrypted with (for example a missing or mistyped keystore
 * path made the local provider create a fresh KEK, or Vault points at other keys), or the database already
 * holds encrypted data but no record of the provider that made it. Thrown at start-up by
 * {@link RegistrationCore#create}; nothing was written. The server must refuse to start: going on would make
 * existing records unreadable and put new ones under the wrong keys. The message names no key material.
 */
public final class KeyProviderMismatchException extends RuntimeException {
    public KeyProviderMismatchException(String message) {
        super(message, null, false, false);
    }
}
