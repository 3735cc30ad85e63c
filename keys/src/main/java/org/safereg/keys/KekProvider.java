package org.safereg.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The key-encryption key (KEK) held outside the database: a local BCFKS keystore by default
 * ({@link LocalKeystoreKekProvider}), HashiCorp Vault Transit in production. The KEK never leaves the
 * provider through this interface: callers only see wrapped data keys, derived keys for named purposes and
 * signatures.
 *
 * <p>Implementations are thread-safe. Every method throws {@link KeyProviderUnavailableException} when the
 * provider cannot serve (callers fail closed) and {@link DecryptionFailedException} when a wrapped key does
 * not authenticate against its binding.
 */
public interface KekProvider {

    /** Wraps a fresh data key under the primary KEK version, bound to {@code binding}. */
    WrappedKey wrap(byte[] dataKey, KeyBinding binding);

    /** Unwraps a data key wrapped by any non-retired version. The caller must not keep the result long. */
    byte[] unwrap(WrappedKey wrapped, KeyBinding binding);

    /**
     * Re-wraps under the primary version. Providers that can (Vault's {@code transit/rewrap}) do it without
     * exposing the data key to the application.
     */
    WrappedKey rewrap(WrappedKey wrapped, KeyBinding binding);

    /**
     * Unwraps many data keys, in as few provider round trips as the provider allows (Vault: one
     * {@code batch_input} request per chunk; locally: one by one). Result {@code i} belongs to
     * {@code keys.get(i)}: the data key, or empty when that key does not authenticate against its binding
     * (altered, moved to another subject or category, or wrapped by a retired version) — the per-item form of
     * {@link DecryptionFailedException}, so one bad row does not fail a whole gallery load. Throws
     * {@link KeyProviderUnavailableException} when the provider cannot serve at all.
     */
    default List<Optional<byte[]>> unwrapAll(List<WrappedKeyRepository.StoredKey> keys) {
        List<Optional<byte[]>> results = new ArrayList<>(keys.size());
        for (WrappedKeyRepository.StoredKey key : keys) {
            try {
                results.add(Optional.of(unwrap(key.wrapped(), key.binding())));
            } catch (DecryptionFailedException e) {
                results.add(Optional.empty());
            }
        }
        return results;
    }

    /**
     * Re-wraps many data keys under the primary version (the batch form of {@link #rewrap}); result
     * {@code i} is the new wrap of {@code keys.get(i)}, or empty when that key does not authenticate.
     */
    default List<Optional<WrappedKey>> rewrapAll(List<WrappedKeyRepository.StoredKey> keys) {
        List<Optional<WrappedKey>> results = new ArrayList<>(keys.size());
        for (WrappedKeyRepository.StoredKey key : keys) {
            try {
                results.add(Optional.of(rewrap(key.wrapped(), key.binding())));
            } catch (DecryptionFailedException e) {
                results.add(Optional.empty());
            }
        }
        return results;
    }

    /** The version new wraps use. */
    KekVersion primaryVersion();

    /** All versions that can still unwrap, oldest first. */
    SortedSet<KekVersion> activeVersions();

    /**
     * Makes a new KEK version primary and returns it. Existing wraps stay readable until their version is
     * retired. Providers where rotation is an operator action outside the application throw
     * {@link UnsupportedOperationException}.
     */
    KekVersion rotate();

    /**
     * Retires a non-primary version: data keys still wrapped by it become unreadable, so callers re-wrap
     * first ({@link KekRotation} checks that). Throws {@link IllegalArgumentException} for the primary version.
     */
    void retire(KekVersion version);

    /**
     * A 32-byte secret for a named purpose (blind index per field, pseudonym domain), derived from
     * KEK-protected material. The same label gives the same secret across restarts; different labels give
     * independent secrets. Callers keep the result in memory only.
     */
    byte[] deriveSecret(String label);

    /** Signs {@code message} (audit checkpoints, receipts) with the provider's signing key. */
    ProviderSignature sign(byte[] message);

    /** Verifies a signature made by {@link #sign}; works offline from the public key. */
    boolean verify(byte[] message, ProviderSignature signature);

    /**
     * The public keys of the signing key, one per key version that can have made a signature (oldest first),
     * for verification without the provider (receipts and checkpoints handed to people outside the system).
     * Vault: read from {@code transit/keys/<signing key>} (cached per version).
     */
    List<SigningPublicKey> signingPublicKeys();

    /** Cheap liveness probe for health checks; throws {@link KeyProviderUnavailableException} when down. */
    void checkAvailable();
}
