package org.safereg.keys;

/**
 * Blind index for exact look-up of an encrypted field: HMAC-SHA256 of the caller's normalised value under a
 * per-field secret ({@link KekProvider#deriveSecret} with label {@code blind-index/<field>}), truncated to
 * {@link #LENGTH} bytes. Equal inputs give equal indexes: the index leaks equality of the field between
 * records, nothing else without the key. Thread-safe; about a microsecond per value.
 */
public final class BlindIndex {
    public static final int LENGTH = 16;

    public BlindIndex(KekProvider kek, String field) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The index of an already normalised value. */
    public byte[] of(String normalisedValue) {
        throw new UnsupportedOperationException("TODO");
    }
}
