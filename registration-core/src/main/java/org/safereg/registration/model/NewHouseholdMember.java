package org.safereg.registration.model;

import java.util.Objects;

/** A person to enrol as a member of a new household, with their relationship to the head (not HEAD). */
public record NewHouseholdMember(IndividualDetails details, Relationship relationshipToHead) {
    public NewHouseholdMember {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(relationshipToHead, "relationshipToHead");
    }
}
