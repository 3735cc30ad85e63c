package org.safereg.privacy;

import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.subtle.PrfHmacJce;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.safereg.keys.KekProvider;
import org.safereg.keys.SubjectId;

/**
 * Keyed pseudonyms of subjects: HMAC-SHA256 of the subject id (its 16 UUID bytes, big-endian) under a secret
 * derived from the key provider per {@link PseudonymDomain} (label {@code pseudonym/<domain in lower case>}),
 * truncated to {@link #LENGTH} bytes. Stable across restarts and KEK rotations; pseudonyms of different
 * domains, or from different keystores, are unlinkable without the key.
 *
 * <p>Each domain's secret is derived on first use (one provider call, so constructing one never needs the
 * provider and a server can start while its key provider is down) and kept in memory; after that {@link #of}
 * costs about a microsecond. Thread-safe.
 */
public final class Pseudonymizer {
    public static final int LENGTH = 16;

    private final KekProvider kek;
    private final Map<PseudonymDomain, Prf> prfs = new ConcurrentHashMap<>();

    public Pseudonymizer(KekProvider kek) {
        this.kek = Objects.requireNonNull(kek, "kek");
    }

    /**
     * The pseudonym of {@code subject} in {@code domain}. The first call per domain throws
     * {@link org.safereg.keys.KeyProviderUnavailableException} if the provider cannot derive the secret; a later
     * call tries again.
     */
    public Pseudonym of(PseudonymDomain domain, SubjectId subject) {
        Objects.requireNonNull(domain, "domain");
        byte[] id = ByteBuffer.allocate(16)
                .putLong(subject.value().getMostSignificantBits())
                .putLong(subject.value().getLeastSignificantBits())
                .array();
        try {
            return new Pseudonym(prfs.computeIfAbsent(domain, this::derive).compute(id, LENGTH));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }

    private Prf derive(PseudonymDomain domain) {
        byte[] secret = kek.deriveSecret("pseudonym/" + domain.name().toLowerCase(Locale.ROOT));
        try {
            return new PrfHmacJce("HMACSHA256", new SecretKeySpec(secret, "HMAC"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
