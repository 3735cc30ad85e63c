package org.safereg.registration.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.safereg.keys.SubjectId;

/**
 * The current state of an individual, decrypted.
 *
 * @param registeredAt when the individual was first enrolled
 * @param current version number, author, time and reason of the current version (pass its
 *                {@link VersionInfo#version()} as the expected version of an update)
 * @param household the active household the individual belongs to, if any
 */
public record Individual(SubjectId id, Instant registeredAt, VersionInfo current, IndividualDetails details,
                         Optional<HouseholdId> household) {
    public Individual {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(details, "details");
        household = Models.orEmpty(household);
    }

    public int version() {
        return current.version();
    }
}
