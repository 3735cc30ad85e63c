package org.safereg.registration.model;

import java.util.Objects;

/**
 * A site (camp, transit point, ...) inside an admin unit (reference data, not personal).
 *
 * @param id the site code, same form as a P-code
 */
public record Site(String id, String name, SiteType type, String adminPcode) {
    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(adminPcode, "adminPcode");
    }
}
