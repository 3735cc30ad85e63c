package org.safereg.api.security;

import java.util.EnumSet;
import java.util.Set;
import org.safereg.privacy.Actor;
import org.safereg.privacy.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The {@link Actor} of an authenticated request: account or token subject name, and roles (authorities {@code ROLE_*}). */
public final class CurrentUser {
    private CurrentUser() {
    }

    public static Actor actor(Authentication authentication) {
        return new Actor(authentication.getName(), roles(authentication));
    }

    public static Set<Role> roles(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name.substring(5))) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }
}
