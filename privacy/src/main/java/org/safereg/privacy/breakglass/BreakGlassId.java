package org.safereg.privacy.breakglass;

import java.util.Objects;
import java.util.UUID;

/** Identifier of a break-glass request. */
public record BreakGlassId(UUID value) {
    public BreakGlassId {
        Objects.requireNonNull(value, "value");
    }

    public static BreakGlassId random() {
        return new BreakGlassId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
