package org.safereg.keys;

import java.util.regex.Pattern;

/**
 * Name and schema version of an encrypted field, bound into every field ciphertext's associated data, so a
 * ciphertext moved to another column, or decrypted under another schema version, fails.
 *
 * @param name lower-case dotted name such as {@code individual.names}
 * @param schemaVersion version of the field's plaintext layout
 */
public record FieldName(String name, int schemaVersion) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    public FieldName {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid field name");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion starts at 1");
        }
    }

    /** Whether {@code name} has the form of a field name (also used for blind-index field names). */
    static boolean isValidName(String name) {
        return name != null && name.length() <= 100 && NAME.matcher(name).matches();
    }

    public static FieldName of(String name, int schemaVersion) {
        return new FieldName(name, schemaVersion);
    }
}
