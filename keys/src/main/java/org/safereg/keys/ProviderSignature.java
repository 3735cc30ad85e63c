package org.safereg.keys;

import java.util.Objects;

/**
 * A signature by the key provider.
 *
 * @param keyId provider-specific name and version of the signing key (for example {@code local-ed25519-v1})
 * @param algorithm signature algorithm, {@code Ed25519}
 * @param value the signature bytes
 */
public record ProviderSignature(String keyId, String algorithm, byte[] value) {
    public ProviderSignature {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }
}
