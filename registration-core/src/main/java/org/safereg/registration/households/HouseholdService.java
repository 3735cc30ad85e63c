package org.safereg.registration.households;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.Action;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.SubjectBases;
import org.safereg.privacy.consent.ConsentDeclaration;
import org.safereg.privacy.consent.ConsentGiver;
import org.safereg.privacy.consent.ConsentId;
import org.safereg.privacy.consent.ConsentRecord;
import org.safereg.registration.FieldError;
import org.safereg.registration.HouseholdMembershipException;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.RequestContext;
import org.safereg.registration.SubjectErasedException;
import org.safereg.registration.ValidationException;
import org.safereg.registration.VersionConflictException;
import org.safereg.registration.audit.AccessGuard;
import org.safereg.registration.consent.ConsentStore;
import org.safereg.registration.locations.LocationRepository;
import org.safereg.registration.locations.ResolvedLocation;
import org.safereg.registration.model.Birth;
import org.safereg.registration.model.Household;
import org.safereg.registration.model.HouseholdEnrolment;
import org.safereg.registration.model.HouseholdEnrolmentResult;
import org.safereg.registration.model.HouseholdId;
import org.safereg.registration.model.HouseholdMember;
import org.safereg.registration.model.IdempotencyKey;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.IndividualValidator;
import org.safereg.registration.model.RegistrationStatus;
import org.safereg.registration.model.Relationship;
import org.safereg.registration.storage.HouseholdStore;
import org.safereg.registration.storage.IdempotencyStore;
import org.safereg.registration.storage.IndividualStore;
import org.safereg.registration.storage.JsonCodec;

/**
 * Households: enrolment of a household with its members in one transaction, reading, adding and removing
 * members (each change a new household version with who, when, why). A person belongs to at most one active
 * household (enforced by the database as well); the head cannot be removed while other members remain.
 * Relationships are encrypted under each member's data key.
 *
 * <p>Policy and audit as in {@link org.safereg.registration.individuals.IndividualService}: enrolment is action
 * ENROL (one audit event per created individual), reading is READ and membership changes are HOUSEHOLD_CHANGE
 * (one event per member whose relationship was decrypted for the answer). Thread-safe.
 */
public final class HouseholdService {
    static final String ENROL_OPERATION = "household.enrol";

    private final AccessGuard guard;
    private final IndividualStore individuals;
    private final HouseholdStore store;
    private final LocationRepository locations;
    private final IdempotencyStore idempotency;
    private final ConsentStore consents;
    private final Clock clock;

    /** Age (years) from which a member is recorded as an adult; below it, a child answered for by a guardian. */
    static final int MAJORITY_AGE = 18;

    /** Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#households()}. */
    public HouseholdService(AccessGuard guard, IndividualStore individuals, HouseholdStore store,
                            LocationRepository locations, IdempotencyStore idempotency, ConsentStore consents,
                            Clock clock) {
        this.consents = consents;
        this.guard = guard;
        this.individuals = individuals;
        this.store = store;
        this.locations = locations;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** What an idempotent enrolment's retry must repeat exactly. */
    private record EnrolmentRequest(HouseholdEnrolment enrolment, ConsentDeclaration consent) {
    }

    /**
     * Enrols the head and members as new individuals and the household, all or nothing. The consent collected for
     * the household is recorded as the head's first consent record as declared; it is refused with nothing written
     * unless it gives a valid basis for REG.ENROL. Each member's first record carries the same notice, answers and
     * validity, answered on the member's behalf ({@link #memberConsent}: by a parent or guardian for a child, by
     * another proxy for an adult, the head's id as the proxy's reference; no child assent; a child's date of
     * majority from their own birth). Change a member's consent later with the consent service (e.g. an adult
     * member's own answer). Idempotency as for individual enrolment.
     *
     * @throws ValidationException invalid details (paths {@code head.*}, {@code members[i].details.*},
     *         {@code members[i].relationshipToHead}) or too many members
     * @throws org.safereg.registration.UnknownReferenceException unknown admin unit or site
     */
    public HouseholdEnrolmentResult enrol(RequestContext context, ConsentDeclaration consent,
                                          HouseholdEnrolment enrolment, Optional<IdempotencyKey> idempotencyKey) {
        Objects.requireNonNull(consent, "consent");
        Instant now = now();
        SubjectId head = SubjectId.random();
        String actor = context.actor().username();
        ConsentRecord headConsent = new ConsentRecord(ConsentId.random(), head, actor, now, consent);
        return guard.runEnrolment(context, Action.ENROL, head, new SubjectBases(headConsent.basisRecords(), List.of()),
                trail -> {
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            validate(enrolment, today);
            List<ResolvedLocation> resolved = new ArrayList<>();
            resolved.add(locations.resolve(enrolment.head().location().orElseThrow(), "head."));
            for (int i = 0; i < enrolment.members().size(); i++) {
                resolved.add(locations.resolve(enrolment.members().get(i).details().location().orElseThrow(),
                        "members[" + i + "].details."));
            }
            HouseholdId id = HouseholdId.random();
            if (idempotencyKey.isPresent()) {
                Optional<UUID> earlier = idempotency.claim(context.actor().username(), idempotencyKey.get(),
                        ENROL_OPERATION, JsonCodec.encode(new EnrolmentRequest(enrolment, consent)), id.value(), now);
                if (earlier.isPresent()) {
                    HouseholdId first = new HouseholdId(earlier.get());
                    List<SubjectId> members = store.activeMemberIds(first);
                    members.forEach(trail::accessed);
                    if (members.isEmpty()) {
                        throw new SubjectErasedException();
                    }
                    return new HouseholdEnrolmentResult(first, members.get(0), members.subList(1, members.size()), true);
                }
            }
            individuals.create(head, enrolment.head().withEstimatedAgeDatedOn(today), resolved.get(0), actor, now, today);
            List<HouseholdStore.NewMember> members = new ArrayList<>();
            members.add(new HouseholdStore.NewMember(head, Relationship.HEAD));
            List<SubjectId> memberIds = new ArrayList<>();
            List<IndividualDetails> memberDetails = new ArrayList<>();
            for (int i = 0; i < enrolment.members().size(); i++) {
                SubjectId member = SubjectId.random();
                IndividualDetails details = enrolment.members().get(i).details().withEstimatedAgeDatedOn(today);
                individuals.create(member, details, resolved.get(i + 1), actor, now, today);
                memberDetails.add(details);
                members.add(new HouseholdStore.NewMember(member, enrolment.members().get(i).relationshipToHead()));
                memberIds.add(member);
            }
            store.create(id, members, actor, now);
            consents.append(individuals.open(head), headConsent);
            for (int i = 0; i < memberIds.size(); i++) {
                SubjectId member = memberIds.get(i);
                consents.append(individuals.open(member), new ConsentRecord(ConsentId.random(), member, actor, now,
                        memberConsent(consent, head, memberDetails.get(i), today)));
            }
            members.forEach(m -> trail.accessed(m.individual()));
            return new HouseholdEnrolmentResult(id, head, memberIds, false);
        });
    }

    /**
     * The consent a member is recorded with when a household is enrolled: the household's notice, language,
     * delivery, site, validity and answers, given on the member's behalf, since the member did not answer
     * themself. A member under {@link #MAJORITY_AGE} on {@code today} (from their date of birth or estimated age)
     * is recorded as answered by a parent or guardian, with re-consent due on their own date of majority (from the
     * estimate when only an age is known); any other member (age unknown included) as answered by another proxy.
     * The proxy's reference is the head's subject id; child assent is absent (it was not asked of the member).
     */
    static ConsentDeclaration memberConsent(ConsentDeclaration household, SubjectId head, IndividualDetails member,
                                            LocalDate today) {
        Optional<Birth> birth = member.birth();
        boolean child = birth.flatMap(b -> b.ageOn(today)).map(age -> age < MAJORITY_AGE).orElse(false);
        Optional<LocalDate> majority = child ? birth.flatMap(b -> b.dateOfBirth()
                .or(() -> b.estimatedAgeOn().flatMap(on -> b.estimatedAge().map(on::minusYears))))
                .map(born -> born.plusYears(MAJORITY_AGE)) : Optional.empty();
        return new ConsentDeclaration(household.notice(), household.language(), household.delivery(),
                household.interpreterUsed(), child ? ConsentGiver.PARENT_OR_GUARDIAN : ConsentGiver.OTHER_PROXY,
                Optional.of(head.value().toString()), Optional.empty(), household.site(), household.validUntil(),
                majority, household.purposes());
    }

    /**
     * Reads the household with its active members: only those with a valid basis for the declared purpose
     * (decided per member), and none if the purpose may not see HOUSEHOLD.
     *
     * @throws RecordNotFoundException no such household
     */
    public Household read(RequestContext context, HouseholdId id) {
        return guard.run(context, Action.READ, Optional.empty(), trail -> answer(id, trail));
    }

    /**
     * Adds an existing individual to the household with a relationship to the head (not HEAD).
     *
     * @throws HouseholdMembershipException the individual is already in an active household, is not an ACTIVE
     *         registration (pending adjudication or a duplicate), or the household is dissolved
     * @throws VersionConflictException the household is no longer at {@code expectedVersion}
     * @throws RecordNotFoundException no such household or individual
     * @throws SubjectErasedException the individual was erased
     */
    public Household addMember(RequestContext context, HouseholdId id, int expectedVersion, SubjectId member,
                               Relationship relationshipToHead, String reason) {
        return guard.run(context, Action.HOUSEHOLD_CHANGE, Optional.of(member), trail -> {
            IndividualValidator.checkReason(reason);
            if (relationshipToHead == Relationship.HEAD) {
                throw ValidationException.of("relationshipToHead", "a household has one head; choose another relationship");
            }
            HouseholdStore.Row row = store.lockForChange(id, expectedVersion);
            individuals.requireActive(member, true);
            if (individuals.state(member, false).status() != RegistrationStatus.ACTIVE) {
                throw new HouseholdMembershipException(
                        "only an active registration can join a household (this one awaits adjudication or is a duplicate)");
            }
            store.addMember(row, member, relationshipToHead, reason, context.actor().username(), now());
            return answer(id, trail);
        });
    }

    /**
     * Removes a member. Removing the head is allowed only when they are the last member (the household is then
     * DISSOLVED).
     *
     * @throws HouseholdMembershipException not an active member, or the head while others remain
     * @throws VersionConflictException the household is no longer at {@code expectedVersion}
     * @throws RecordNotFoundException no such household
     */
    public Household removeMember(RequestContext context, HouseholdId id, int expectedVersion, SubjectId member,
                                  String reason) {
        return guard.run(context, Action.HOUSEHOLD_CHANGE, Optional.of(member), trail -> {
            IndividualValidator.checkReason(reason);
            HouseholdStore.Row row = store.lockForChange(id, expectedVersion);
            store.removeMember(row, member, reason, context.actor().username(), now());
            trail.accessed(member);
            return answer(id, trail);
        });
    }

    private Household answer(HouseholdId id, AccessGuard.Trail trail) {
        Household household = store.read(id);
        List<HouseholdMember> admitted = !trail.fields().contains(PersonalField.HOUSEHOLD) ? List.of()
                : household.members().stream().filter(m -> trail.admits(m.individual())).toList();
        admitted.forEach(m -> trail.accessed(m.individual()));
        return new Household(household.id(), household.status(), household.createdAt(),
                household.current().projectedTo(trail.fields()), admitted, trail.fields());
    }

    private static void validate(HouseholdEnrolment enrolment, LocalDate today) {
        List<FieldError> errors = new ArrayList<>(IndividualValidator.validate(enrolment.head(), today, "head."));
        if (enrolment.members().size() > HouseholdEnrolment.MAX_MEMBERS) {
            errors.add(new FieldError("members", "at most " + HouseholdEnrolment.MAX_MEMBERS));
        }
        Set<IndividualDetails> seen = new HashSet<>();
        seen.add(enrolment.head());
        for (int i = 0; i < enrolment.members().size(); i++) {
            var member = enrolment.members().get(i);
            errors.addAll(IndividualValidator.validate(member.details(), today, "members[" + i + "].details."));
            if (member.relationshipToHead() == Relationship.HEAD) {
                errors.add(new FieldError("members[" + i + "].relationshipToHead", "only the head has relationship HEAD"));
            }
            if (!seen.add(member.details())) {
                errors.add(new FieldError("members[" + i + "]", "the same person is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
