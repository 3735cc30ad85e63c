package org.safereg.registration.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PersonalField;

/**
 * The current state of an individual, decrypted.
 *
 * @param registeredAt when the individual was first enrolled
 * @param current version number, author, time and reason of the current version (pass its
 *                {@link VersionInfo#version()} as the expected version of an update)
 * @param household the active household the individual belongs to, if any
 * @param visible the personal fields the caller may see: the services {@linkplain #projectedTo project} every
 *                individual they return to the permit's fields, so values outside it are absent (names and the
 *                registration method, which a record always has, and the version's author are left to the API
 *                view to omit: it renders only {@code visible} fields)
 */
public record Individual(SubjectId id, Instant registeredAt, VersionInfo current, IndividualDetails details,
                         Optional<HouseholdId> household, Set<PersonalField> visible) {
    public Individual {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(details, "details");
        household = Models.orEmpty(household);
        visible = visible.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(visible));
    }

    /** An individual as stored, every field visible (internal: services return {@link #projectedTo} copies). */
    public Individual(SubjectId id, Instant registeredAt, VersionInfo current, IndividualDetails details,
                      Optional<HouseholdId> household) {
        this(id, registeredAt, current, details, household, EnumSet.allOf(PersonalField.class));
    }

    /**
     * This individual as a caller allowed {@code fields} may see it: details projected
     * ({@link IndividualDetails#projectedTo}), the household only with HOUSEHOLD, the change reason only with
     * CHANGE_HISTORY; {@code visible} narrowed to {@code fields}.
     */
    public Individual projectedTo(Set<PersonalField> fields) {
        Set<PersonalField> narrowed = EnumSet.noneOf(PersonalField.class);
        visible.stream().filter(fields::contains).forEach(narrowed::add);
        return new Individual(id, registeredAt, current.projectedTo(narrowed), details.projectedTo(narrowed),
                narrowed.contains(PersonalField.HOUSEHOLD) ? household : Optional.empty(), narrowed);
    }

    public int version() {
        return current.version();
    }
}
