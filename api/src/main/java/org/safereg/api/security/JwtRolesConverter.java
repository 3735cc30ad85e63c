package org.safereg.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.safereg.privacy.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads roles from a JWT claim (a dotted path reaches into nested objects, e.g. {@code realm_access.roles}):
 * a JSON array of strings, or one string separated by spaces or commas. Values are matched to {@link Role}
 * ignoring case and treating {@code -} as {@code _}; unknown values are ignored. Thread-safe.
 */
class JwtRolesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {
    private final List<String> path;

    JwtRolesConverter(String claimPath) {
        this.path = List.of(claimPath.split("\\."));
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : roles(jwt)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        }
        return authorities;
    }

    Set<Role> roles(Jwt jwt) {
        Object value = jwt.getClaims();
        for (String segment : path) {
            value = value instanceof Map<?, ?> map ? map.get(segment) : null;
        }
        List<String> raw = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            values.forEach(v -> raw.add(String.valueOf(v)));
        } else if (value instanceof String s) {
            raw.addAll(List.of(s.split("[\\s,]+")));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : raw) {
            String name = r.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
