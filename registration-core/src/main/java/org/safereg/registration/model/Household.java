package org.safereg.registration.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A household, decrypted: its current version (pass {@link VersionInfo#version()} as the expected version of a
 * change) and its active members, head first. Members who were erased are not listed.
 */
public record Household(HouseholdId id, HouseholdStatus status, Instant createdAt, VersionInfo current,
                        List<HouseholdMember> members) {
    public Household {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(current, "current");
        members = List.copyOf(members);
    }

    public int version() {
        return current.version();
    }
}
