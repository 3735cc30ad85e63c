package org.safereg.privacy.consent;

import java.util.Objects;
import java.util.UUID;

/** Identifier of one consent record. */
public record ConsentId(UUID value) {
    public ConsentId {
        Objects.requireNonNull(value, "value");
    }

    public static ConsentId random() {
        return new ConsentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
