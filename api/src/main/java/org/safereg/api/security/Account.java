package org.safereg.api.security;

import java.time.Instant;
import java.util.Set;
import org.safereg.privacy.Role;

/** A local account as listed to administrators: never its password hash. */
public record Account(String username, Set<Role> roles, boolean enabled, boolean passwordChangeRequired,
                      Instant createdAt) {
    public Account {
        roles = Set.copyOf(roles);
    }
}
