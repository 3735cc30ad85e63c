package org.safereg.privacy;

import java.util.Objects;
import java.util.Set;

/** The authenticated user making a request: account name and roles. */
public record Actor(String username, Set<Role> roles) {
    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }
}
