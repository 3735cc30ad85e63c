package org.safereg.privacy.statistics.extract;

import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.subtle.Hkdf;
import com.google.crypto.tink.subtle.PrfHmacJce;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;
import org.safereg.keys.KekProvider;
import org.safereg.privacy.Pseudonym;
import org.safereg.privacy.Pseudonymizer;
import org.safereg.privacy.sharing.RecipientId;

/**
 * Per-recipient pseudonyms for microdata extracts. A person's extract pseudonym is
 * {@code HMAC-SHA256(K(recipient, epoch), p)} truncated to 16 bytes and written as hex, where {@code p} is the
 * person's 16-byte {@link org.safereg.privacy.PseudonymDomain#STATISTICS STATISTICS} pseudonym (the key of the
 * statistical projection, itself a keyed function of the subject id) and
 * {@code K(recipient, epoch) = HKDF-SHA256(ikm = KekProvider.deriveSecret("extract-pseudonyms"), salt = none,
 * info = len(context) || context || len(recipient) || recipient || epoch, 32 bytes)} with lengths and the epoch
 * as big-endian 32-bit integers, the context {@value #CONTEXT} and the recipient code in UTF-8. So two
 * recipients, or two epochs of one recipient, get unrelated pseudonyms for the same person, while one
 * recipient gets the same pseudonym in every extract of one epoch; nobody can link them without the KEK.
 *
 * <p>The KEK-protected secret is derived on first use (one provider call: constructing one never needs the
 * provider) and kept in memory. {@link #forRecipient} then costs one HKDF (a few microseconds) and each
 * {@link RecipientPseudonymizer#of} one HMAC (about a microsecond). Thread-safe.
 */
public final class RecipientPseudonyms {
    /** The label of the KEK-derived secret. */
    public static final String SECRET_LABEL = "extract-pseudonyms";
    static final String CONTEXT = "safereg/extract-pseudonym/v1";
    static final int LENGTH = 16;

    private final KekProvider kek;
    private volatile byte[] secret;

    public RecipientPseudonyms(KekProvider kek) {
        this.kek = Objects.requireNonNull(kek, "kek");
    }

    /**
     * The pseudonymiser for one recipient and epoch. Throws
     * {@link org.safereg.keys.KeyProviderUnavailableException} on first use if the provider cannot derive the
     * secret; a later call tries again.
     */
    public RecipientPseudonymizer forRecipient(RecipientId recipient, ExtractEpoch epoch) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(epoch, "epoch");
        byte[] key = null;
        try {
            key = Hkdf.computeHkdf("HMACSHA256", secret(), null, info(recipient, epoch), 32);
            Prf prf = new PrfHmacJce("HMACSHA256", new SecretKeySpec(key, "HMAC"));
            return new RecipientPseudonymizer(recipient, epoch, prf);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF/HMAC-SHA256 unavailable", e);
        } finally {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            synchronized (this) {
                s = secret;
                if (s == null) {
                    s = kek.deriveSecret(SECRET_LABEL);
                    secret = s;
                }
            }
        }
        return s;
    }

    static byte[] info(RecipientId recipient, ExtractEpoch epoch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            byte[] context = CONTEXT.getBytes(StandardCharsets.UTF_8);
            byte[] code = recipient.value().getBytes(StandardCharsets.UTF_8);
            out.writeInt(context.length);
            out.write(context);
            out.writeInt(code.length);
            out.write(code);
            out.writeInt(epoch.number());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The extract pseudonyms of one recipient in one epoch. Immutable and thread-safe; {@link #of} costs one
     * HMAC-SHA256.
     */
    public static final class RecipientPseudonymizer {
        private final RecipientId recipient;
        private final ExtractEpoch epoch;
        private final Prf prf;

        private RecipientPseudonymizer(RecipientId recipient, ExtractEpoch epoch, Prf prf) {
            this.recipient = recipient;
            this.epoch = epoch;
            this.prf = prf;
        }

        public RecipientId recipient() {
            return recipient;
        }

        public ExtractEpoch epoch() {
            return epoch;
        }

        /** The extract pseudonym of the person whose STATISTICS pseudonym (16 bytes) is given. */
        public ExtractPseudonym of(Pseudonym statistics) {
            byte[] input = statistics.value();
            if (input.length != Pseudonymizer.LENGTH) {
                throw new IllegalArgumentException("a STATISTICS pseudonym has " + Pseudonymizer.LENGTH + " bytes");
            }
            try {
                return new ExtractPseudonym(HexFormat.of().formatHex(prf.compute(input, LENGTH)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 failed", e);
            }
        }
    }
}
