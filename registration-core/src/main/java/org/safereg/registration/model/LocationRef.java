package org.safereg.registration.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an individual lives or was registered: an admin unit (P-code, any level) and optionally a site inside
 * it. Both must exist in the location reference data.
 */
public record LocationRef(String adminPcode, Optional<String> siteId) {
    public LocationRef {
        Objects.requireNonNull(adminPcode, "adminPcode");
        siteId = Models.orEmpty(siteId);
    }

    public static LocationRef of(String adminPcode) {
        return new LocationRef(adminPcode, Optional.empty());
    }

    public static LocationRef of(String adminPcode, String siteId) {
        return new LocationRef(adminPcode, Optional.ofNullable(siteId));
    }
}
