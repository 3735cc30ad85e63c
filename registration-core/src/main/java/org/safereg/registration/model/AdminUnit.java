package org.safereg.registration.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An administrative unit of the P-code hierarchy (reference data, not personal). Level 0 is a country (no
 * parent); levels 1..3 have a parent of the level above.
 *
 * @param pcode the P-code, 2..20 characters of A-Z, 0-9, '-' and '_', e.g. {@code SO}, {@code SO11}, {@code SO1101}
 */
public record AdminUnit(String pcode, int level, Optional<String> parentPcode, String name) {
    public static final int MAX_LEVEL = 3;

    public AdminUnit {
        Objects.requireNonNull(pcode, "pcode");
        Objects.requireNonNull(name, "name");
        parentPcode = Models.orEmpty(parentPcode);
    }

    public static AdminUnit country(String pcode, String name) {
        return new AdminUnit(pcode, 0, Optional.empty(), name);
    }

    public static AdminUnit of(String pcode, int level, String parentPcode, String name) {
        return new AdminUnit(pcode, level, Optional.of(parentPcode), name);
    }
}
