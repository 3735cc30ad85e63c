package org.safereg.keys;

/**
 * A ciphertext or wrapped key failed authentication: it was altered, or moved to another subject, field or
 * category than the one it was made for. Never carries plaintext or key material.
 */
public class DecryptionFailedException extends RuntimeException {
    public DecryptionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
