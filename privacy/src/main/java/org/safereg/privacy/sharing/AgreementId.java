package org.safereg.privacy.sharing;

import java.util.Objects;
import java.util.UUID;

/** Identifier of a data-sharing agreement. */
public record AgreementId(UUID value) {
    public AgreementId {
        Objects.requireNonNull(value, "value");
    }

    public static AgreementId random() {
        return new AgreementId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
