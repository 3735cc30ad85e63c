package org.safereg.registration.model;

import java.util.List;
import java.util.Objects;
import org.safereg.keys.SubjectId;

/**
 * Result of enrolling a household.
 *
 * @param members ids of the other members, in the order of {@link HouseholdEnrolment#members()}
 * @param replayed true if an earlier request with the same idempotency key created it and nothing was created now
 */
public record HouseholdEnrolmentResult(HouseholdId household, SubjectId head, List<SubjectId> members,
                                       boolean replayed) {
    public HouseholdEnrolmentResult {
        Objects.requireNonNull(household, "household");
        Objects.requireNonNull(head, "head");
        members = List.copyOf(members);
    }
}
