package org.safereg.api.registration;

import org.safereg.api.consent.ConsentBody;
import org.safereg.api.web.IdempotencyKeyHeader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.safereg.keys.SubjectId;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.households.HouseholdService;
import org.safereg.registration.model.Household;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.NewHouseholdMember;
import org.safereg.registration.model.HouseholdEnrolment;
import org.safereg.registration.model.HouseholdEnrolmentResult;
import org.safereg.registration.model.HouseholdId;
import org.safereg.registration.model.HouseholdStatus;
import org.safereg.registration.model.Relationship;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Households: enrol with members (one transaction), read, add and remove members (each a new version). */
@RestController
@RequestMapping("/api/v1/households")
@Tag(name = "Households")
class HouseholdController {
    private final HouseholdService households;

    HouseholdController(RegistrationCore core) {
        this.households = core.households();
    }

    /** A household enrolment: head, members and the consent collected for them. */
    record HouseholdEnrolmentRequest(@NotNull IndividualDetails head, List<NewHouseholdMember> members,
                                     @NotNull @Valid ConsentBody consent) {
    }

    record HouseholdEnrolmentView(UUID household, UUID head, List<UUID> members, boolean replayed) {
    }

    record MemberView(UUID individual, Relationship relationshipToHead) {
    }

    /** A household: pass {@code version} as {@code expectedVersion} when changing its members. */
    record HouseholdView(UUID id, HouseholdStatus status, Instant createdAt, int version,
                         IndividualView.VersionView current, List<MemberView> members) {
        static HouseholdView of(Household h) {
            return new HouseholdView(h.id().value(), h.status(), h.createdAt(), h.version(),
                    IndividualView.VersionView.of(h.current(), h.visible()),
                    h.members().stream().map(m -> new MemberView(m.individual().value(), m.relationshipToHead()))
                            .toList());
        }
    }

    record AddMemberRequest(@NotNull UUID individual, @NotNull Relationship relationshipToHead,
                            @NotNull Integer expectedVersion, @NotNull String reason) {
    }

    record RemoveMemberRequest(@NotNull UUID individual, @NotNull Integer expectedVersion, @NotNull String reason) {
    }

    @PostMapping
    @Operation(summary = "Enrol a household: the head and the other members, all new individuals",
            description = "All or nothing. Body {head, members, consent}: the consent is recorded for every new "
                    + "individual (the head's, given for the members as proxy or guardian) and must give a valid "
                    + "basis for REG.ENROL. Idempotency-Key as for individual enrolment.")
    ResponseEntity<HouseholdEnrolmentView> enrol(RequestContext context,
            @Parameter(description = "Client-chosen key (1..100 printable ASCII) making retries safe")
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody HouseholdEnrolmentRequest request) {
        HouseholdEnrolmentResult r = households.enrol(context, request.consent().toDeclaration(),
                new HouseholdEnrolment(request.head(), request.members()), IdempotencyKeyHeader.parse(idempotencyKey));
        HouseholdEnrolmentView view = new HouseholdEnrolmentView(r.household().value(), r.head().value(),
                r.members().stream().map(SubjectId::value).toList(), r.replayed());
        URI location = URI.create("/api/v1/households/" + r.household());
        return (r.replayed() ? ResponseEntity.ok() : ResponseEntity.created(location)).location(location).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a household and its active members")
    HouseholdView read(RequestContext context, @PathVariable UUID id) {
        return HouseholdView.of(households.read(context, new HouseholdId(id)));
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Add an existing individual to the household",
            description = "A person belongs to at most one active household (409 household-membership).")
    HouseholdView addMember(RequestContext context, @PathVariable UUID id, @Valid @RequestBody AddMemberRequest request) {
        return HouseholdView.of(households.addMember(context, new HouseholdId(id), request.expectedVersion(),
                new SubjectId(request.individual()), request.relationshipToHead(), request.reason()));
    }

    @PostMapping("/{id}/member-removals")
    @Operation(summary = "Remove a member from the household",
            description = "The head can only be removed as the last member (the household is then dissolved).")
    HouseholdView removeMember(RequestContext context, @PathVariable UUID id,
                               @Valid @RequestBody RemoveMemberRequest request) {
        return HouseholdView.of(households.removeMember(context, new HouseholdId(id), request.expectedVersion(),
                new SubjectId(request.individual()), request.reason()));
    }
}
