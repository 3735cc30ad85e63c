package org.safereg.privacy;

import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.subtle.PrfHmacJce;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;
import org.safereg.keys.KekProvider;
import org.safereg.keys.SubjectId;

/**
 * Keyed pseudonyms of subjects: HMAC-SHA256 of the subject id (its 16 UUID bytes, big-endian) under a secret
 * derived from the key provider per {@link PseudonymDomain} (label {@code pseudonym/<domain in lower case>}),
 * truncated to {@link #LENGTH} bytes. Stable across restarts and KEK rotations; pseudonyms of different
 * domains, or from different keystores, are unlinkable without the key.
 *
 * <p>Construction derives one secret per domain (one provider call each); {@link #of} costs about a
 * microsecond. Thread-safe.
 */
public final class Pseudonymizer {
    public static final int LENGTH = 16;

    private final Map<PseudonymDomain, Prf> prfs = new EnumMap<>(PseudonymDomain.class);

    public Pseudonymizer(KekProvider kek) {
        for (PseudonymDomain domain : PseudonymDomain.values()) {
            byte[] secret = kek.deriveSecret("pseudonym/" + domain.name().toLowerCase(Locale.ROOT));
            try {
                prfs.put(domain, new PrfHmacJce("HMACSHA256", new SecretKeySpec(secret, "HMAC")));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    public Pseudonym of(PseudonymDomain domain, SubjectId subject) {
        Objects.requireNonNull(domain, "domain");
        byte[] id = ByteBuffer.allocate(16)
                .putLong(subject.value().getMostSignificantBits())
                .putLong(subject.value().getLeastSignificantBits())
                .array();
        try {
            return new Pseudonym(prfs.get(domain).compute(id, LENGTH));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }
}
