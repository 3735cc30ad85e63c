package org.safereg.registration.model;

import java.util.List;
import java.util.Objects;

/** A household to enrol in one transaction: the head and the other members (all new individuals). */
public record HouseholdEnrolment(IndividualDetails head, List<NewHouseholdMember> members) {
    /** Upper bound on members per household enrolment (head excluded). */
    public static final int MAX_MEMBERS = 50;

    public HouseholdEnrolment {
        Objects.requireNonNull(head, "head");
        members = members == null ? List.of() : List.copyOf(members);
    }
}
