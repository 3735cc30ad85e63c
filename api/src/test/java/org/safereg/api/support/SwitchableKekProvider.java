package org.safereg.api.support;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.safereg.keys.KekProvider;
import org.safereg.keys.KekVersion;
import org.safereg.keys.KeyBinding;
import org.safereg.keys.KeyProviderUnavailableException;
import org.safereg.keys.ProviderSignature;
import org.safereg.keys.SigningPublicKey;
import org.safereg.keys.WrappedKey;
import org.safereg.keys.WrappedKeyRepository.StoredKey;

/**
 * TEST DOUBLE: wraps the real key provider and can be switched off, after which every call fails like an
 * unreachable provider ({@link KeyProviderUnavailableException}). Used to test that the API fails closed (503,
 * nothing written) when the key provider is down. Batch calls reach the real provider as batches, and closing
 * closes it (the Vault provider is AutoCloseable).
 */
public final class SwitchableKekProvider implements KekProvider, AutoCloseable {
    private final KekProvider delegate;
    private volatile boolean available = true;

    public SwitchableKekProvider(KekProvider delegate) {
        this.delegate = delegate;
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    private KekProvider live() {
        if (!available) {
            throw new KeyProviderUnavailableException("key provider switched off by the test");
        }
        return delegate;
    }

    @Override public WrappedKey wrap(byte[] dataKey, KeyBinding binding) { return live().wrap(dataKey, binding); }
    @Override public byte[] unwrap(WrappedKey wrapped, KeyBinding binding) { return live().unwrap(wrapped, binding); }
    @Override public WrappedKey rewrap(WrappedKey wrapped, KeyBinding binding) { return live().rewrap(wrapped, binding); }
    @Override public List<Optional<byte[]>> unwrapAll(List<StoredKey> keys) { return live().unwrapAll(keys); }
    @Override public List<Optional<WrappedKey>> rewrapAll(List<StoredKey> keys) { return live().rewrapAll(keys); }
    @Override public KekVersion primaryVersion() { return live().primaryVersion(); }
    @Override public SortedSet<KekVersion> activeVersions() { return live().activeVersions(); }
    @Override public KekVersion rotate() { return live().rotate(); }
    @Override public void retire(KekVersion version) { live().retire(version); }
    @Override public byte[] deriveSecret(String label) { return live().deriveSecret(label); }
    @Override public ProviderSignature sign(byte[] message) { return live().sign(message); }
    @Override public boolean verify(byte[] message, ProviderSignature signature) { return live().verify(message, signature); }
    @Override public List<SigningPublicKey> signingPublicKeys() { return live().signingPublicKeys(); }
    @Override public void checkAvailable() { live().checkAvailable(); }

    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
