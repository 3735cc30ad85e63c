package org.safereg.api.security;

import java.util.Set;
import org.safereg.privacy.Role;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The authenticated local account of a request: name, roles and whether it must change its one-time
 * password before doing anything else.
 */
public record AccountPrincipal(String username, Set<Role> roles, boolean passwordChangeRequired)
        implements AuthenticatedPrincipal {
    public AccountPrincipal {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public String toString() {
        return username;
    }
}
