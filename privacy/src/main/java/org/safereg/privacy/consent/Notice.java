package org.safereg.privacy.consent;

import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The information notice shown to the person before they answered: its id and version in the organisation's notice
 * catalogue and the SHA-256 of the exact text shown (in the language used), so that what was said can be proved.
 *
 * @param id notice identifier, 1..64 of letters, digits, '.', '_' and '-'
 * @param version notice version, same form
 * @param sha256 SHA-256 of the notice text shown, 32 bytes
 */
public record Notice(String id, String version, byte[] sha256) {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Notice {
        if (id == null || !CODE.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid notice id");
        }
        if (version == null || !CODE.matcher(version).matches()) {
            throw new IllegalArgumentException("invalid notice version");
        }
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length != 32) {
            throw new IllegalArgumentException("notice hash must be a SHA-256 (32 bytes)");
        }
        sha256 = sha256.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** The hash as 64 lower-case hexadecimal digits. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Notice n && n.id.equals(id) && n.version.equals(version)
                && java.util.Arrays.equals(n.sha256, sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, java.util.Arrays.hashCode(sha256));
    }

    @Override
    public String toString() {
        return "Notice[" + id + " " + version + " " + sha256Hex() + "]";
    }
}
