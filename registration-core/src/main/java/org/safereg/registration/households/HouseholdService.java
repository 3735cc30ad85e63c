package org.safereg.registration.households;

import java.util.Optional;
import org.safereg.keys.SubjectId;
import org.safereg.registration.HouseholdMembershipException;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.RequestContext;
import org.safereg.registration.SubjectErasedException;
import org.safereg.registration.VersionConflictException;
import org.safereg.registration.model.Household;
import org.safereg.registration.model.HouseholdEnrolment;
import org.safereg.registration.model.HouseholdEnrolmentResult;
import org.safereg.registration.model.HouseholdId;
import org.safereg.registration.model.IdempotencyKey;
import org.safereg.registration.model.Relationship;

/**
 * Households: enrolment of a household with its members in one transaction, reading, adding and removing
 * members (each change a new household version with who, when, why). A person belongs to at most one active
 * household (enforced by the database as well); the head cannot be removed while other members remain.
 * Relationships are encrypted under each member's data key.
 *
 * <p>Policy and audit as in {@link org.safereg.registration.individuals.IndividualService}: enrolment is action
 * ENROL (one audit event per created individual), reading is READ (one event per member), membership changes are
 * HOUSEHOLD_CHANGE (one event for the member concerned). Thread-safe.
 */
public final class HouseholdService {

    HouseholdService() {
    }

    /**
     * Enrols the head and members as new individuals and the household, all or nothing. Idempotency as for
     * individual enrolment.
     *
     * @throws org.safereg.registration.ValidationException invalid details (paths {@code head.*},
     *         {@code members[i].details.*}, {@code members[i].relationshipToHead}) or too many members
     */
    public HouseholdEnrolmentResult enrol(RequestContext context, HouseholdEnrolment enrolment,
                                         Optional<IdempotencyKey> idempotencyKey) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Reads the household with its active members.
     *
     * @throws RecordNotFoundException no such household
     */
    public Household read(RequestContext context, HouseholdId id) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Adds an existing individual to the household with a relationship to the head (not HEAD).
     *
     * @throws HouseholdMembershipException the individual is already in an active household
     * @throws VersionConflictException the household is no longer at {@code expectedVersion}
     * @throws RecordNotFoundException no such household or individual
     * @throws SubjectErasedException the individual was erased
     */
    public Household addMember(RequestContext context, HouseholdId id, int expectedVersion, SubjectId member,
                               Relationship relationshipToHead, String reason) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Removes a member. Removing the head is allowed only when they are the last member (the household is then
     * DISSOLVED).
     *
     * @throws HouseholdMembershipException not an active member, or the head while others remain
     * @throws VersionConflictException the household is no longer at {@code expectedVersion}
     */
    public Household removeMember(RequestContext context, HouseholdId id, int expectedVersion, SubjectId member,
                                  String reason) {
        throw new UnsupportedOperationException("TODO");
    }
}
