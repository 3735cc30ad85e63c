package org.safereg.keys;

/**
 * Envelope encryption for subjects: creates, opens and destroys each subject's per-category data keys
 * (random 256-bit AES keys, stored only wrapped by the KEK in a {@link WrappedKeyRepository}).
 *
 * <p>Thread-safe. {@link #create} and {@link #open} cost one KEK wrap/unwrap (microseconds locally, a network
 * round trip with Vault) plus one repository call.
 */
public final class SubjectKeyring {
    /** Version of the data-key scheme (AES-256-GCM, AAD layout) recorded with every key. */
    public static final int KEY_SCHEME = 1;

    public SubjectKeyring(KekProvider kek, WrappedKeyRepository repository) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Generates and stores a new data key for the subject; fails if one exists. */
    public FieldCipher create(SubjectId subject, DataCategory category) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Opens the existing key; throws {@link SubjectKeysDestroyedException} if there is none. */
    public FieldCipher open(SubjectId subject, DataCategory category) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Opens the key, creating it first if the subject has none in that category yet. */
    public FieldCipher openOrCreate(SubjectId subject, DataCategory category) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Crypto-shredding: deletes all the subject's data keys. Every ciphertext made with them becomes
     * undecryptable by any path. Returns the number of keys destroyed.
     */
    public int destroy(SubjectId subject) {
        throw new UnsupportedOperationException("TODO");
    }
}
