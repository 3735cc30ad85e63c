package org.safereg.registration.biometrics;

import java.util.Objects;
import java.util.UUID;

/** Identifier of an adjudication case (random UUID; carries nothing about the people in it). */
public record CaseId(UUID value) {
    public CaseId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} otherwise. */
    public static CaseId parse(String text) {
        return new CaseId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
