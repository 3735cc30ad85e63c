package org.safereg.registration.storage;

import java.nio.ByteBuffer;
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
 * <p>Layout: format byte {@code 0x01}, JSON length (4 bytes, big-endian), JSON, zero bytes up to the next
 * multiple of the block size. Decryption checks the format, the length and that the padding is all zeros.
 * Stateless, thread-safe; cost: one JSON encoding and one AEAD operation of the padded size.
 */
public final class PaddedPayload {
    private static final byte FORMAT = 0x01;
    private static final int HEADER = 1 + 4;

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

    /** Encodes {@code value} as JSON, pads it to {@code block} and encrypts it as {@code field}. */
    public static byte[] seal(FieldCipher cipher, FieldName field, Block block, Object value) {
        return cipher.encrypt(field, pad(JsonCodec.encode(value), block));
    }

    /**
     * Decrypts a column sealed by {@link #seal} and decodes its JSON. Throws {@link DecryptionFailedException} if
     * the ciphertext does not authenticate or its plaintext does not have this layout.
     */
    public static <T> T open(FieldCipher cipher, FieldName field, byte[] ciphertext, TypeReference<T> type) {
        return JsonCodec.decode(unpad(cipher.decrypt(field, ciphertext)), type);
    }

    static byte[] pad(byte[] json, Block block) {
        int length = HEADER + json.length;
        int padded = (length + block.bytes - 1) / block.bytes * block.bytes;
        return ByteBuffer.allocate(padded).put(FORMAT).putInt(json.length).put(json).array();
    }

    static byte[] unpad(byte[] plaintext) {
        if (plaintext.length < HEADER || plaintext[0] != FORMAT) {
            throw malformed();
        }
        ByteBuffer in = ByteBuffer.wrap(plaintext, 1, plaintext.length - 1);
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
