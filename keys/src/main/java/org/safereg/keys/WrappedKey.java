package org.safereg.keys;

import java.util.Arrays;
import java.util.Objects;

/**
 * A data key encrypted ("wrapped") by one version of the key-encryption key. The bytes are opaque and
 * provider-specific; only the provider that made them can unwrap them.
 */
public record WrappedKey(KekVersion kekVersion, byte[] ciphertext) {
    public WrappedKey {
        Objects.requireNonNull(kekVersion, "kekVersion");
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrappedKey w && w.kekVersion.equals(kekVersion) && Arrays.equals(w.ciphertext, ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * kekVersion.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "WrappedKey[" + kekVersion + ", " + ciphertext.length + " bytes]";
    }
}
