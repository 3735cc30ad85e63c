package org.safereg.privacy;

import java.util.Arrays;
import java.util.HexFormat;

/** A keyed pseudonym: stable per subject within one domain, not linkable across domains without the key. */
public record Pseudonym(byte[] value) {
    public Pseudonym {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pseudonym p && Arrays.equals(p.value, value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return hex();
    }
}
