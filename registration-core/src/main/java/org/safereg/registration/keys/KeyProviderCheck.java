package org.safereg.registration.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.safereg.keys.KekProvider;
import org.safereg.keys.ProviderSignature;
import org.safereg.registration.KeyProviderMismatchException;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.storage.Transactions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Start-up check that the key provider holds the keys this database was encrypted with, using the one row of
 * {@code key_provider_check}:
 * <ul>
 * <li>check value: HMAC-SHA256 under the provider's derived secret {@code key-check/v1} of a fixed label (the
 *     derivation root is what every blind index and pseudonym hangs on, and it does not change with KEK
 *     rotation);</li>
 * <li>signature of the check value by the provider's signing key (with its key id), verified with
 *     {@link KekProvider#verify}, so a rotated Vault signing key whose old versions remain still passes.</li>
 * </ul>
 * The first start on an empty database (no data key, no audit event) writes the row; every later start
 * recomputes and compares, and refuses with {@link KeyProviderMismatchException} on a difference. A database
 * that holds data keys or audit events but no row is refused too: nothing can tell whether this provider made
 * them. Two first starts racing with different providers: one row wins, the other start is refused.
 *
 * <p>{@link RegistrationCore#create} runs the check at once when it can; if the provider or the database is
 * unavailable at that moment (a server may start while Vault is sealed), every guarded operation runs it first
 * ({@link #ensureVerified}) until it has passed once, so no personal data is read or written under an unchecked
 * provider.
 *
 * <p>Cost: one derivation, one HMAC, one signature verification (and one signature on first start), one small
 * transaction; after a pass, {@link #ensureVerified} is a volatile read. Thread-safe.
 */
public final class KeyProviderCheck {
    /** The derivation label of the check key. */
    static final String LABEL = "key-check/v1";
    private static final byte[] CHECKED = "safereg-key-provider-check-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIGNED_TAG = "safereg-key-provider-check-signature-v1|".getBytes(StandardCharsets.US_ASCII);

    private final DataSource dataSource;
    private final KekProvider kek;
    private volatile boolean verified;

    /** A check of {@code kek} against {@code dataSource} that remembers a pass (internal: built by the core). */
    public KeyProviderCheck(DataSource dataSource, KekProvider kek) {
        this.dataSource = dataSource;
        this.kek = kek;
    }

    /**
     * Runs {@link #verify(DataSource, KekProvider)} unless it has passed before; throws as that does (a failure
     * is not remembered: the next call tries again).
     */
    public void ensureVerified() {
        if (!verified) {
            synchronized (this) {
                if (!verified) {
                    verify(dataSource, kek);
                    verified = true;
                }
            }
        }
    }

    private record Stored(byte[] checkValue, ProviderSignature signature) {
    }

    /**
     * Verifies {@code kek} against the database (writing the check row at the first start).
     *
     * @throws KeyProviderMismatchException another provider made this database's keys, or the database holds
     *         data but no check row
     * @throws org.safereg.keys.KeyProviderUnavailableException the provider cannot serve
     * @throws org.springframework.dao.DataAccessException the database is unavailable or lacks the schema
     */
    public static void verify(DataSource dataSource, KekProvider kek) {
        byte[] checkValue = checkValue(kek);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        new Transactions(dataSource).inTransaction(() -> {
            Optional<Stored> stored = read(jdbc);
            if (stored.isEmpty()) {
                boolean hasData = jdbc.sql("SELECT EXISTS (SELECT 1 FROM subject_key) OR EXISTS (SELECT 1 FROM audit_event)")
                        .query(Boolean.class).single();
                if (hasData) {
                    throw new KeyProviderMismatchException("the database holds encrypted data but no record of the key"
                            + " provider it was encrypted with: refusing to adopt this key provider");
                }
                ProviderSignature signature = kek.sign(signedMessage(checkValue));
                jdbc.sql("""
                                INSERT INTO key_provider_check (id, check_value, key_id, algorithm, signature, created_at)
                                VALUES (1, ?, ?, ?, ?, now()) ON CONFLICT (id) DO NOTHING""")
                        .params(checkValue, signature.keyId(), signature.algorithm(), signature.value())
                        .update();
                stored = read(jdbc);
            }
            Stored row = stored.orElseThrow();
            if (!MessageDigest.isEqual(row.checkValue(), checkValue)
                    || !kek.verify(signedMessage(row.checkValue()), row.signature())) {
                throw new KeyProviderMismatchException(
                        "the key provider does not hold the keys this database was encrypted with");
            }
            return null;
        });
    }

    private static Optional<Stored> read(JdbcClient jdbc) {
        return jdbc.sql("SELECT check_value, key_id, algorithm, signature FROM key_provider_check WHERE id = 1")
                .query((rs, n) -> new Stored(rs.getBytes(1),
                        new ProviderSignature(rs.getString(2), rs.getString(3), rs.getBytes(4))))
                .optional();
    }

    private static byte[] checkValue(KekProvider kek) {
        byte[] secret = kek.deriveSecret(LABEL);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(CHECKED);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] signedMessage(byte[] checkValue) {
        byte[] message = Arrays.copyOf(SIGNED_TAG, SIGNED_TAG.length + checkValue.length);
        System.arraycopy(checkValue, 0, message, SIGNED_TAG.length, checkValue.length);
        return message;
    }
}
