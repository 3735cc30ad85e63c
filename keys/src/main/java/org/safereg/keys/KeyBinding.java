package org.safereg.keys;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a wrapped data key belongs to. Providers pass {@link #associatedData()} as the AEAD associated data
 * of the wrap, so a wrapped key copied to another subject or category fails to unwrap.
 *
 * @param keyScheme version of the data-key scheme (algorithm and AAD layout), recorded with the key
 */
public record KeyBinding(SubjectId subject, DataCategory category, int keyScheme) {
    public KeyBinding {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(category, "category");
        if (keyScheme < 1) {
            throw new IllegalArgumentException("keyScheme starts at 1");
        }
    }

    /** Canonical encoding used as associated data: {@code safereg-dek|<subject>|<category>|<scheme>}. */
    public byte[] associatedData() {
        return ("safereg-dek|" + subject + "|" + category + "|" + keyScheme).getBytes(StandardCharsets.UTF_8);
    }
}
