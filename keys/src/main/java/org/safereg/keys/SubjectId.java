package org.safereg.keys;

import java.util.Objects;
import java.util.UUID;

/**
 * Opaque identifier of a data subject (an individual). It is the unit of key ownership: every subject has
 * its own data keys, so destroying them erases the subject. Immutable and thread-safe.
 */
public record SubjectId(UUID value) {
    public SubjectId {
        Objects.requireNonNull(value, "value");
    }

    /** A fresh random (version 4) identifier. */
    public static SubjectId random() {
        return new SubjectId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} otherwise. */
    public static SubjectId parse(String text) {
        return new SubjectId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
