package org.safereg.registration.model;

import java.util.Objects;
import java.util.Optional;
import org.safereg.keys.SubjectId;

/**
 * The registration status of an individual and, for a {@link RegistrationStatus#DUPLICATE}, the existing
 * person it was linked to.
 */
public record RegistrationState(SubjectId id, RegistrationStatus status, Optional<SubjectId> duplicateOf) {
    public RegistrationState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
    }
}
