package org.safereg.registration.model;

import java.util.Objects;
import org.safereg.keys.SubjectId;

/** An active member of a household and their relationship to the head ({@link Relationship#HEAD} for the head). */
public record HouseholdMember(SubjectId individual, Relationship relationshipToHead) {
    public HouseholdMember {
        Objects.requireNonNull(individual, "individual");
        Objects.requireNonNull(relationshipToHead, "relationshipToHead");
    }
}
