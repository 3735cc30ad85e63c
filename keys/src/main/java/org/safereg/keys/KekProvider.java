package org.safereg.keys;

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

    /** Cheap liveness probe for health checks; throws {@link KeyProviderUnavailableException} when down. */
    void checkAvailable();
}
