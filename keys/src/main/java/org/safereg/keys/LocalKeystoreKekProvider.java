package org.safereg.keys;

import java.nio.file.Path;
import java.util.SortedSet;

/**
 * The embedded default KEK provider: AES-256 KEK versions, a derivation root and an Ed25519 signing key in a
 * Bouncy Castle BCFKS keystore file (mode 0600), created on first use. Thread-safe.
 */
public final class LocalKeystoreKekProvider implements KekProvider {

    /**
     * Opens the keystore at {@code file}, creating it (and its parent directory) if absent. Throws
     * {@link KeyProviderUnavailableException} if it exists but cannot be opened (wrong passphrase, corrupt):
     * the server must refuse to start rather than create a new KEK.
     */
    public static LocalKeystoreKekProvider openOrCreate(Path file, char[] passphrase) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override public WrappedKey wrap(byte[] dataKey, KeyBinding binding) { throw new UnsupportedOperationException("TODO"); }
    @Override public byte[] unwrap(WrappedKey wrapped, KeyBinding binding) { throw new UnsupportedOperationException("TODO"); }
    @Override public WrappedKey rewrap(WrappedKey wrapped, KeyBinding binding) { throw new UnsupportedOperationException("TODO"); }
    @Override public KekVersion primaryVersion() { throw new UnsupportedOperationException("TODO"); }
    @Override public SortedSet<KekVersion> activeVersions() { throw new UnsupportedOperationException("TODO"); }
    @Override public KekVersion rotate() { throw new UnsupportedOperationException("TODO"); }
    @Override public void retire(KekVersion version) { throw new UnsupportedOperationException("TODO"); }
    @Override public byte[] deriveSecret(String label) { throw new UnsupportedOperationException("TODO"); }
    @Override public ProviderSignature sign(byte[] message) { throw new UnsupportedOperationException("TODO"); }
    @Override public boolean verify(byte[] message, ProviderSignature signature) { throw new UnsupportedOperationException("TODO"); }
    @Override public void checkAvailable() { throw new UnsupportedOperationException("TODO"); }
}
