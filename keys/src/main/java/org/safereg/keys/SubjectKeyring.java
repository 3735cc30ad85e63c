package org.safereg.keys;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Envelope encryption for subjects: creates, opens and destroys each subject's per-category data keys
 * (random 256-bit AES keys, stored only wrapped by the KEK in a {@link WrappedKeyRepository}, bound to
 * {@code (subject, category, KEY_SCHEME)}). The {@link FieldCipher}s it returns hold the key only inside a
 * Tink primitive; the raw key bytes are zeroed once the primitive is built.
 *
 * <p>Thread-safe. {@link #create} and {@link #open} cost one KEK wrap/unwrap (microseconds locally, a network
 * round trip with Vault) plus one repository call; {@link #openAll} one repository call and one
 * {@link KekProvider#unwrapAll} (Vault: one {@code batch_input} request per chunk) in all.
 */
public final class SubjectKeyring {
    /** Version of the data-key scheme (AES-256-GCM, AAD layout) recorded with every key. */
    public static final int KEY_SCHEME = 1;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_BYTES = 32;

    private final KekProvider kek;
    private final WrappedKeyRepository repository;

    public SubjectKeyring(KekProvider kek, WrappedKeyRepository repository) {
        this.kek = Objects.requireNonNull(kek, "kek");
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /**
     * Generates and stores a new data key for the subject; throws {@link IllegalStateException} (from the
     * repository) if one exists.
     */
    public FieldCipher create(SubjectId subject, DataCategory category) {
        KeyBinding binding = new KeyBinding(subject, category, KEY_SCHEME);
        byte[] dataKey = new byte[KEY_BYTES];
        RANDOM.nextBytes(dataKey);
        try {
            repository.insert(new WrappedKeyRepository.StoredKey(binding, kek.wrap(dataKey, binding)));
        } catch (RuntimeException e) {
            Arrays.fill(dataKey, (byte) 0);
            throw e;
        }
        return new AesGcmFieldCipher(subject, category, dataKey);
    }

    /**
     * Opens the existing key; throws {@link SubjectKeysDestroyedException} if there is none and
     * {@link DecryptionFailedException} if the stored key does not unwrap under its binding.
     */
    public FieldCipher open(SubjectId subject, DataCategory category) {
        return find(subject, category).orElseThrow(() -> new SubjectKeysDestroyedException(subject, category));
    }

    /**
     * Result of {@link #openAll}: the ciphers of the subjects whose key unwrapped, and the subjects whose stored
     * key did not authenticate against its binding (altered, moved, or wrapped by a retired KEK version).
     * Subjects without a key (erased, or never given one) are in neither.
     */
    public record OpenedKeys(Map<SubjectId, FieldCipher> ciphers, Set<SubjectId> failed) {
        public OpenedKeys {
            ciphers = Map.copyOf(ciphers);
            failed = Set.copyOf(failed);
        }
    }

    /**
     * Opens the existing keys of many subjects in one category with one repository call and one
     * {@link KekProvider#unwrapAll} (bulk loads such as the fingerprint gallery). One bad key does not fail the
     * others: it is reported in {@link OpenedKeys#failed()}.
     */
    public OpenedKeys openAll(Collection<SubjectId> subjects, DataCategory category) {
        Objects.requireNonNull(category, "category");
        Map<SubjectId, WrappedKeyRepository.StoredKey> stored = repository.findAll(List.copyOf(subjects), category);
        List<SubjectId> order = new ArrayList<>(stored.keySet());
        List<WrappedKeyRepository.StoredKey> expected = new ArrayList<>(order.size());
        for (SubjectId subject : order) {
            requireScheme(stored.get(subject));
            expected.add(new WrappedKeyRepository.StoredKey(new KeyBinding(subject, category, KEY_SCHEME),
                    stored.get(subject).wrapped()));
        }
        List<Optional<byte[]>> dataKeys = kek.unwrapAll(expected);
        Map<SubjectId, FieldCipher> ciphers = new HashMap<>();
        Set<SubjectId> failed = new HashSet<>();
        for (int i = 0; i < order.size(); i++) {
            SubjectId subject = order.get(i);
            dataKeys.get(i).ifPresentOrElse(key -> ciphers.put(subject, new AesGcmFieldCipher(subject, category, key)),
                    () -> failed.add(subject));
        }
        return new OpenedKeys(ciphers, failed);
    }

    /** Opens the key, creating it first if the subject has none in that category yet (safe under races). */
    public FieldCipher openOrCreate(SubjectId subject, DataCategory category) {
        Optional<FieldCipher> existing = find(subject, category);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return create(subject, category);
        } catch (IllegalStateException concurrentlyCreated) {
            return open(subject, category);
        }
    }

    /**
     * Crypto-shredding: deletes all the subject's data keys. Every ciphertext made with them becomes
     * undecryptable by any path. Returns the number of keys destroyed.
     */
    public int destroy(SubjectId subject) {
        return repository.deleteAll(Objects.requireNonNull(subject, "subject"));
    }

    private Optional<FieldCipher> find(SubjectId subject, DataCategory category) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(category, "category");
        return repository.find(subject, category).map(stored -> cipher(subject, category, stored));
    }

    private FieldCipher cipher(SubjectId subject, DataCategory category, WrappedKeyRepository.StoredKey stored) {
        requireScheme(stored);
        KeyBinding expected = new KeyBinding(subject, category, KEY_SCHEME);
        return new AesGcmFieldCipher(subject, category, kek.unwrap(stored.wrapped(), expected));
    }

    private static void requireScheme(WrappedKeyRepository.StoredKey stored) {
        if (stored.binding().keyScheme() != KEY_SCHEME) {
            throw new IllegalStateException("unsupported data-key scheme " + stored.binding().keyScheme());
        }
    }
}
