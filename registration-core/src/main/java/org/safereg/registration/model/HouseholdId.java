package org.safereg.registration.model;

import java.util.Objects;
import java.util.UUID;

/** Opaque random identifier of a household. */
public record HouseholdId(UUID value) {
    public HouseholdId {
        Objects.requireNonNull(value, "value");
    }

    public static HouseholdId random() {
        return new HouseholdId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} otherwise. */
    public static HouseholdId parse(String text) {
        return new HouseholdId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
