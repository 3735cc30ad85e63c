package org.safereg.registration.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.safereg.privacy.PersonalField;

/**
 * A household, decrypted: its current version (pass {@link VersionInfo#version()} as the expected version of a
 * change) and its active members, head first. Members who were erased are not listed. {@code visible}: the personal
 * fields the caller may see (members only with HOUSEHOLD, the change's author and reason only with CHANGE_HISTORY).
 */
public record Household(HouseholdId id, HouseholdStatus status, Instant createdAt, VersionInfo current,
                        List<HouseholdMember> members, Set<PersonalField> visible) {
    public Household {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(current, "current");
        members = List.copyOf(members);
        visible = Set.copyOf(visible);
    }

    /** A household as stored, every field visible (internal: the service returns projected copies). */
    public Household(HouseholdId id, HouseholdStatus status, Instant createdAt, VersionInfo current,
                     List<HouseholdMember> members) {
        this(id, status, createdAt, current, members,
                EnumSet.allOf(PersonalField.class));
    }

    public int version() {
        return current.version();
    }
}
