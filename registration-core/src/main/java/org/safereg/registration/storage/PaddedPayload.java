package org.safereg.registration.storage;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.UUID;
import org.safereg.keys.DecryptionFailedException;
import org.safereg.keys.FieldCipher;
import org.safereg.keys.FieldName;
import tools.jackson.core.type.TypeReference;

/**
 * The plaintext layout of every encrypted column of the registration core (internal): the value's JSON
 * ({@link JsonCodec}) behind a length prefix, padded with zero bytes to a whole number of the column's
 * {@link Block}s, then encrypted with the subject's {@link FieldCipher}. AES-GCM hides content, not length:
 * without padding, a column's ciphertext length tells a database reader which enum value it holds ({@code sex}:
 * FEMALE is longer than MALE, absent is {@code null}) and lets them join the plaintext statistical projection
 * back to identified records. With padding, every value that fits the column's block has the same ciphertext
 * length ({@code 1 + 12 + block + 16} bytes).
 *
 * <p>The plaintext also carries the {@link RecordBinding} of the row it is stored in (record id and version),
 * checked on decryption: the associated data already binds subject, table, column and schema version, and the
 * binding adds the row, so an older version's ciphertext copied into the current version's row (a rollback of
 * one field by someone with write access to the database) fails instead of decrypting.
 *
 * <p>Layout: format byte {@code 0x01}, record id (16 bytes), record version (4 bytes), JSON length (4 bytes),
 * JSON, zero bytes up to the next multiple of the block size (all integers big-endian). Decryption checks the
 * format, the binding, the length and that the padding is all zeros. Stateless, thread-safe; cost: one JSON
 * encoding and one AEAD operation of the padded size.
 */
public final class PaddedPayload {
    private static final byte FORMAT = 0x01;
    private static final int HEADER = 1 + 16 + 4 + 4;

    /**
     * The row a ciphertext belongs to, inside its table and column (which the field name binds).
     *
     * @param record the record's id: the individual for {@code individual_version}, the household for
     *               {@code household_version} and {@code household_member}
     * @param version the row's version: {@code version}, or {@code joined_version} for a membership
     */
    public record RecordBinding(UUID record, int version) {
        public RecordBinding {
            Objects.requireNonNull(record, "record");
            if (version < 1) {
                throw new IllegalArgumentException("record versions start at 1");
            }
        }
    }

    /**
     * Padding granularity of a column. The fixed-size blocks are chosen so that every valid value of the column
     * fits in one block (a test checks each enum value, absent values and the largest valid values), so the
     * column's length is constant; free-text columns grow in blocks of 256 bytes and so reveal their length only
     * to that granularity.
     */
    public enum Block {
        /** Single codes and short code lists: registration method, sex, population category, nationalities, relationship. */
        CODE(64),
        /** Small structures: birth (date or estimated age), location (P-code and site). */
        SMALL(128),
        /** The set of specific-needs codes (all of them fit). */
        CODE_SET(512),
        /** Free text: names, documents, contact, change reasons. */
        TEXT(256);

        private final int bytes;

        Block(int bytes) {
            this.bytes = bytes;
        }

        /** The block size in bytes. */
        public int bytes() {
            return bytes;
        }
    }

    private PaddedPayload() {
    }

    /**
     * Encodes {@code value} as JSON, pads it to {@code block} and encrypts it as {@code field} of the row
     * {@code row}.
     */
    public static byte[] seal(FieldCipher cipher, FieldName field, Block block, RecordBinding row, Object value) {
        return cipher.encrypt(field, pad(JsonCodec.encode(value), block, row));
    }

    /**
     * Decrypts a column sealed by {@link #seal} and decodes its JSON. Throws {@link DecryptionFailedException} if
     * the ciphertext does not authenticate, belongs to another row than {@code row}, or its plaintext does not
     * have this layout.
     */
    public static <T> T open(FieldCipher cipher, FieldName field, RecordBinding row, byte[] ciphertext,
                             TypeReference<T> type) {
        return JsonCodec.decode(unpad(cipher.decrypt(field, ciphertext), row), type);
    }

    static byte[] pad(byte[] json, Block block, RecordBinding row) {
        int length = HEADER + json.length;
        int padded = (length + block.bytes - 1) / block.bytes * block.bytes;
        return ByteBuffer.allocate(padded).put(FORMAT)
                .putLong(row.record().getMostSignificantBits()).putLong(row.record().getLeastSignificantBits())
                .putInt(row.version()).putInt(json.length).put(json).array();
    }

    static byte[] unpad(byte[] plaintext, RecordBinding row) {
        if (plaintext.length < HEADER || plaintext[0] != FORMAT) {
            throw malformed();
        }
        ByteBuffer in = ByteBuffer.wrap(plaintext, 1, plaintext.length - 1);
        UUID record = new UUID(in.getLong(), in.getLong());
        int version = in.getInt();
        if (!record.equals(row.record()) || version != row.version()) {
            throw new DecryptionFailedException("field ciphertext belongs to another row or version of the record"
                    + " (copied from an older version?)", null);
        }
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw malformed();
        }
        byte[] json = new byte[length];
        in.get(json);
        while (in.hasRemaining()) {
            if (in.get() != 0) {
                throw malformed();
            }
        }
        return json;
    }

    private static DecryptionFailedException malformed() {
        return new DecryptionFailedException("field plaintext does not have the padded layout", null);
    }
}
