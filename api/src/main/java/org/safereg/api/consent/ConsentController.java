package org.safereg.api.consent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PurposeCode;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.ValidationException;
import org.safereg.registration.consent.ConsentService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A subject's consent after enrolment: record a new consent record, withdraw one purpose (effective immediately),
 * read the history; list the subjects due for re-consent at majority. Decided and audited by the core (actions
 * CONSENT_RECORD, CONSENT_WITHDRAW, CONSENT_READ; purposes REG.ENROL or SUBJECT_REQUEST by default; no subject
 * basis needed, so consent can always be given again or withdrawn).
 */
@RestController
@Tag(name = "Consent")
class ConsentController {
    private final ConsentService consents;

    ConsentController(RegistrationCore core) {
        this.consents = core.consents();
    }

    record WithdrawalRequest(@NotNull String purpose) {
    }

    @PostMapping("/api/v1/individuals/{id}/consents")
    @Operation(summary = "Record a new consent record for an individual",
            description = "Its answers supersede earlier ones for the same purposes from now on (append-only). 201.")
    ResponseEntity<ConsentViews.RecordView> record(RequestContext context, @PathVariable UUID id,
                                                   @Valid @RequestBody ConsentBody body) {
        var recorded = consents.record(context, new SubjectId(id), body.toDeclaration());
        return ResponseEntity.created(URI.create("/api/v1/individuals/" + id + "/consents"))
                .body(ConsentViews.RecordView.of(recorded));
    }

    @PostMapping("/api/v1/individuals/{id}/consents/withdrawals")
    @Operation(summary = "Withdraw consent for one purpose",
            description = "Effective immediately: the next request for that purpose is refused (403 "
                    + "consent-withdrawn). 400 validation if no consent is given for the purpose.")
    ResponseEntity<ConsentViews.WithdrawalView> withdraw(RequestContext context, @PathVariable UUID id,
                                                         @Valid @RequestBody WithdrawalRequest body) {
        PurposeCode purpose;
        try {
            purpose = PurposeCode.of(body.purpose());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("purpose", "is not a purpose code");
        }
        var withdrawal = consents.withdraw(context, new SubjectId(id), purpose);
        return ResponseEntity.created(URI.create("/api/v1/individuals/" + id + "/consents"))
                .body(ConsentViews.WithdrawalView.of(withdrawal));
    }

    @GetMapping("/api/v1/individuals/{id}/consents")
    @Operation(summary = "An individual's consent history",
            description = "Every consent record (oldest first), every withdrawal, and the current standing per purpose.")
    ConsentViews.HistoryView history(RequestContext context, @PathVariable UUID id) {
        return ConsentViews.HistoryView.of(consents.history(context, new SubjectId(id)));
    }

    @GetMapping("/api/v1/consents/reconsent-due")
    @Operation(summary = "Children due for re-consent at majority",
            description = "Data protection officer, purpose SUBJECT_REQUEST (action RECONSENT_REVIEW): subjects "
                    + "whose latest consent record flags re-consent at majority in the month given (YYYY-MM) or "
                    + "earlier; ids and due months only (never the exact date), at most 1000.")
    List<ConsentViews.ReconsentView> reconsentDue(RequestContext context,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth dueBy) {
        return consents.dueForReconsent(context, dueBy).stream().map(ConsentViews.ReconsentView::of).toList();
    }
}
