package org.safereg.privacy.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Unambiguous byte encoding of the values that audit hashes and checkpoint signatures commit to: every
 * variable-length value is preceded by its length (4 bytes, big-endian), numbers are fixed-width big-endian,
 * instants are truncated to microseconds (the precision of PostgreSQL {@code timestamptz}) and encoded as
 * epoch seconds (8 bytes) and microseconds of the second (4 bytes).
 */
final class CanonicalEncoding {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    CanonicalEncoding(String domainTag) {
        string(domainTag);
    }

    CanonicalEncoding number(long value) {
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
        return this;
    }

    CanonicalEncoding bytes(byte[] value) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        out.writeBytes(value);
        return this;
    }

    CanonicalEncoding string(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    CanonicalEncoding instant(Instant value) {
        Instant micros = value.truncatedTo(ChronoUnit.MICROS);
        out.writeBytes(ByteBuffer.allocate(Long.BYTES + Integer.BYTES)
                .putLong(micros.getEpochSecond()).putInt(micros.getNano() / 1000).array());
        return this;
    }

    /** A value that may be absent: marker byte 0 (absent) or 1 followed by the length-prefixed bytes. */
    CanonicalEncoding optionalBytes(Optional<byte[]> value) {
        out.write(value.isPresent() ? 1 : 0);
        value.ifPresent(this::bytes);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    byte[] sha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
