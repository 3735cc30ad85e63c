package org.safereg.api.protection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.breakglass.BreakGlassId;
import org.safereg.privacy.breakglass.BreakGlassReason;
import org.safereg.privacy.breakglass.BreakGlassRequest;
import org.safereg.privacy.breakglass.BreakGlassStatus;
import org.safereg.privacy.breakglass.ReviewOutcome;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.breakglass.BreakGlassCase;
import org.safereg.registration.breakglass.BreakGlassService;
import org.safereg.registration.breakglass.GrantAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Break-glass: vital-interest access to one person without their consent. A PROTECTION_OFFICER requests it under
 * the purpose they need (PROT.CASE, PROT.CASE_NOTES or PROT.FAMILY_TRACING) with a reason; a second protection
 * officer, declaring the same purpose, approves or rejects it (never the requester: 403
 * break-glass-self-approval); the grant lasts {@code registry.break-glass.duration}; the
 * DATA_PROTECTION_OFFICER, under AUDIT, lists approved grants awaiting review and records the outcome. Every
 * step is decided and audited. Reasons and notes travel only in bodies and are stored encrypted.
 */
@RestController
@RequestMapping("/api/v1/break-glass")
@Tag(name = "Break-glass")
class BreakGlassController {
    private final BreakGlassService breakGlass;

    BreakGlassController(RegistrationCore core) {
        this.breakGlass = core.breakGlass();
    }

    record NewRequest(@NotNull UUID subjectId, @NotNull String reason) {
    }

    record ReviewRequest(@NotNull ReviewOutcome outcome, String note) {
    }

    record ReviewView(ReviewOutcome outcome, String reviewedBy, Instant reviewedAt, String note) {
    }

    /** One audited operation the grant permitted ({@code auditSequence}: the event in the audit trail). */
    record AccessView(long auditSequence, Instant at, String action, String outcome) {
        static AccessView of(GrantAccess a) {
            return new AccessView(a.auditSequence(), a.at(), a.action(), a.outcome());
        }
    }

    /**
     * A request: who asked, for whom and which purpose, its status and grant window; {@code reason} (and the
     * review note) only in the approvers' and reviewers' listings, absent once the subject was erased;
     * {@code accesses} (what the grant permitted so far) only in the listings.
     */
    record BreakGlassView(UUID id, UUID subjectId, String purpose, BreakGlassStatus status, String requestedBy,
                          Instant requestedAt, String decidedBy, Instant decidedAt, Instant expiresAt, String reason,
                          ReviewView review, List<AccessView> accesses) {
        static BreakGlassView of(BreakGlassRequest r) {
            return of(r, Optional.empty(), Optional.empty(), null);
        }

        static BreakGlassView of(BreakGlassCase c) {
            return of(c.request(), c.reason().map(BreakGlassReason::text), c.reviewNote(),
                    c.accesses().stream().map(AccessView::of).toList());
        }

        private static BreakGlassView of(BreakGlassRequest r, Optional<String> reason, Optional<String> note,
                                         List<AccessView> accesses) {
            return new BreakGlassView(r.id().value(), r.subject().value(), r.purpose().value(), r.status(),
                    r.requestedBy(), r.requestedAt(), r.decidedBy().orElse(null), r.decidedAt().orElse(null),
                    r.expiresAt().orElse(null), reason.orElse(null),
                    r.review().map(v -> new ReviewView(v.outcome(), v.reviewedBy(), v.reviewedAt(), note.orElse(null)))
                            .orElse(null), accesses);
        }
    }

    record ListView(List<BreakGlassView> items) {
        static ListView of(List<BreakGlassCase> cases) {
            return new ListView(cases.stream().map(BreakGlassView::of).toList());
        }
    }

    @PostMapping
    @Operation(summary = "Request break-glass access to one person for the declared purpose",
            description = "PROTECTION_OFFICER; X-Purpose PROT.CASE, PROT.CASE_NOTES or PROT.FAMILY_TRACING (action "
                    + "BREAK_GLASS_REQUEST). reason: 1..500 characters, stored encrypted. 201 with the PENDING "
                    + "request; a second protection officer decides it.")
    ResponseEntity<BreakGlassView> request(RequestContext context, @Valid @RequestBody NewRequest body) {
        BreakGlassRequest request = breakGlass.request(context, new SubjectId(body.subjectId()), body.reason());
        return ResponseEntity.created(URI.create("/api/v1/break-glass/" + request.id()))
                .body(BreakGlassView.of(request));
    }

    @GetMapping("/pending")
    @Operation(summary = "Requests awaiting a decision under the declared purpose, with their reasons",
            description = "PROTECTION_OFFICER (action BREAK_GLASS_APPROVE); the caller's own requests are left out.")
    ListView pending(RequestContext context) {
        return ListView.of(breakGlass.pending(context));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a request (a second user, declaring the request's purpose)",
            description = "Action BREAK_GLASS_APPROVE. The requester may then process the person's data for that "
                    + "purpose, without consent (basis VITAL_INTEREST), until expiresAt. 403 "
                    + "break-glass-self-approval for the requester; 409 break-glass-not-pending once decided.")
    BreakGlassView approve(RequestContext context, @PathVariable UUID id) {
        return BreakGlassView.of(breakGlass.approve(context, new BreakGlassId(id)));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a request (a second user, declaring the request's purpose)")
    BreakGlassView reject(RequestContext context, @PathVariable UUID id) {
        return BreakGlassView.of(breakGlass.reject(context, new BreakGlassId(id)));
    }

    @GetMapping("/reviews")
    @Operation(summary = "Approved grants awaiting the data protection officer's review, with their reasons",
            description = "DATA_PROTECTION_OFFICER, X-Purpose AUDIT (action BREAK_GLASS_REVIEW). Each item lists the "
                    + "audited operations the grant permitted (accesses: audit sequence, time, action, outcome).")
    ListView reviews(RequestContext context) {
        return ListView.of(breakGlass.pendingReviews(context));
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "Record the review of an approved grant",
            description = "DATA_PROTECTION_OFFICER, X-Purpose AUDIT (action BREAK_GLASS_REVIEW); outcome JUSTIFIED "
                    + "or NOT_JUSTIFIED, optional note (1..2,000 characters, stored encrypted). Once per grant; "
                    + "never by its requester or approver.")
    BreakGlassView review(RequestContext context, @PathVariable UUID id, @Valid @RequestBody ReviewRequest body) {
        return BreakGlassView.of(breakGlass.review(context, new BreakGlassId(id), body.outcome(),
                Optional.ofNullable(body.note())));
    }
}
