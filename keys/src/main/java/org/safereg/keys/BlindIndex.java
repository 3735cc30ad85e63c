package org.safereg.keys;

import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.subtle.PrfHmacJce;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * Blind index for exact look-up of an encrypted field: HMAC-SHA256 of the caller's normalised value (UTF-8)
 * under a per-field secret ({@link KekProvider#deriveSecret} with label {@code blind-index/<field>}), truncated
 * to {@link #LENGTH} bytes (128 bits: accidental collisions are negligible at any registry size).
 *
 * <p>What it leaks: equal inputs give equal indexes, so anyone who sees the index column learns which records
 * share the value of that field (and how many share each value), nothing else without the key. Indexes of
 * different fields, or made by different keystores, are unrelated. Someone holding the key can confirm a
 * guessed value, so low-entropy fields are only as safe as the key.
 *
 * <p>The field secret is derived on first use (one provider call, so constructing one never needs the provider
 * and a server can start while its key provider is down) and kept in memory; after that {@link #of} costs about
 * a microsecond. Thread-safe.
 */
public final class BlindIndex {
    public static final int LENGTH = 16;

    private final KekProvider kek;
    private final String field;
    private volatile Prf prf;

    /** @param field lower-case dotted field name, such as {@code individual.document_number} */
    public BlindIndex(KekProvider kek, String field) {
        if (!FieldName.isValidName(field)) {
            throw new IllegalArgumentException("invalid blind-index field name");
        }
        this.kek = Objects.requireNonNull(kek, "kek");
        this.field = field;
    }

    /**
     * The index of an already normalised value. The first call throws {@link KeyProviderUnavailableException} if
     * the provider cannot derive the field secret; a later call tries again.
     */
    public byte[] of(String normalisedValue) {
        Objects.requireNonNull(normalisedValue, "normalisedValue");
        try {
            return prf().compute(normalisedValue.getBytes(StandardCharsets.UTF_8), LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }

    private Prf prf() {
        Prf current = prf;
        if (current == null) {
            synchronized (this) {
                current = prf;
                if (current == null) {
                    current = derive();
                    prf = current;
                }
            }
        }
        return current;
    }

    private Prf derive() {
        byte[] secret = kek.deriveSecret("blind-index/" + field);
        try {
            return new PrfHmacJce("HMACSHA256", new SecretKeySpec(secret, "HMAC"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
