package org.safereg.keys;

/**
 * Encrypts and decrypts field values of one subject in one {@link DataCategory} with that subject's data
 * key (AES-256-GCM, random nonce per encryption). The associated data binds subject, category, field name and
 * schema version. Obtained from {@link SubjectKeyring}; thread-safe; holds the unwrapped data key, so keep
 * instances short-lived (one request).
 *
 * <p>Cost: about a microsecond plus the payload size; no I/O.
 */
public interface FieldCipher {

    SubjectId subject();

    DataCategory category();

    /** Returns a self-describing ciphertext (format byte, nonce, ciphertext, tag). */
    byte[] encrypt(FieldName field, byte[] plaintext);

    /** Throws {@link DecryptionFailedException} if the ciphertext was altered or made for another binding. */
    byte[] decrypt(FieldName field, byte[] ciphertext);
}
