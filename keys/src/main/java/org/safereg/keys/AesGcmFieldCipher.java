package org.safereg.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@link FieldCipher} of key scheme 1: ciphertext = format byte {@code 0x01} || Tink AES-256-GCM output
 * (12-byte random nonce, ciphertext, 16-byte tag). The associated data is a length-prefixed encoding of
 * (format, subject, category, field name, schema version), so no two bindings share an encoding.
 */
final class AesGcmFieldCipher implements FieldCipher {
    static final byte FORMAT = 0x01;
    private static final String AAD_TAG = "safereg-field";
    private static final int MIN_LENGTH = 1 + 12 + 16;

    private final SubjectId subject;
    private final DataCategory category;
    private final Aead aead;

    /** Builds the primitive from {@code dataKey} and zeroes it. */
    AesGcmFieldCipher(SubjectId subject, DataCategory category, byte[] dataKey) {
        this.subject = subject;
        this.category = category;
        try {
            this.aead = new AesGcmJce(dataKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("invalid data key", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    @Override
    public SubjectId subject() {
        return subject;
    }

    @Override
    public DataCategory category() {
        return category;
    }

    @Override
    public byte[] encrypt(FieldName field, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        try {
            byte[] sealed = aead.encrypt(plaintext, associatedData(field));
            byte[] out = new byte[1 + sealed.length];
            out[0] = FORMAT;
            System.arraycopy(sealed, 0, out, 1, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("field encryption failed", e);
        }
    }

    @Override
    public byte[] decrypt(FieldName field, byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < MIN_LENGTH || ciphertext[0] != FORMAT) {
            throw new DecryptionFailedException("not a field ciphertext of a supported format", null);
        }
        try {
            return aead.decrypt(Arrays.copyOfRange(ciphertext, 1, ciphertext.length), associatedData(field));
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException("field ciphertext does not authenticate (altered, or made for another"
                    + " subject, category, field or schema version)", e);
        }
    }

    private byte[] associatedData(FieldName field) {
        Objects.requireNonNull(field, "field");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
            DataOutputStream out = new DataOutputStream(bytes);
            writeString(out, AAD_TAG);
            out.writeByte(FORMAT);
            out.writeLong(subject.value().getMostSignificantBits());
            out.writeLong(subject.value().getLeastSignificantBits());
            writeString(out, category.name());
            writeString(out, field.name());
            out.writeInt(field.schemaVersion());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
