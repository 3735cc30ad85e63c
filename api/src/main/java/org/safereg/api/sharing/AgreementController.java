package org.safereg.api.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.sharing.AgreementId;
import org.safereg.privacy.sharing.DataSharingAgreement;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.sharing.Agreement;
import org.safereg.registration.sharing.AgreementDraft;
import org.safereg.registration.sharing.AgreementService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data-sharing agreements, for the data protection officer (purpose ADMIN.AGREEMENTS, action AGREEMENT_MANAGE):
 * record, list, read, revoke. No personal data of subjects. An agreement is never edited: record a new one and
 * revoke the old.
 */
@RestController
@RequestMapping("/api/v1/agreements")
@Tag(name = "Data-sharing agreements")
class AgreementController {
    private final AgreementService agreements;
    private final Clock clock;

    AgreementController(RegistrationCore core, Clock clock) {
        this.agreements = core.agreements();
        this.clock = clock;
    }

    /**
     * A new agreement: recipient code (e.g. WFP-SO) and name, purposes, fields (e.g. NAMES, CONTACT), validity
     * (ISO-8601 instant or date), destination country (ISO 3166-1 alpha-3) for a transborder transfer, legal
     * basis, signatory.
     */
    record AgreementRequest(String recipient, String recipientName, List<String> purposes, List<String> fields,
                            String validFrom, String validUntil, String destinationCountry, String legalBasis,
                            String signatory) {
    }

    record RevocationRequest(String reason) {
    }

    /** An agreement and its state now (PENDING, ACTIVE, EXPIRED, REVOKED). */
    record AgreementView(UUID id, String recipient, String recipientName, List<String> purposes, List<String> fields,
                         Instant validFrom, Instant validUntil, boolean transborder, String destinationCountry,
                         String legalBasis, String signatory, String state, Instant createdAt, String createdBy,
                         Instant revokedAt, String revokedBy, String revocationReason) {
        static AgreementView of(Agreement a, Instant now) {
            DataSharingAgreement t = a.terms();
            return new AgreementView(t.id().value(), t.recipient().value(), a.recipientName(),
                    t.purposes().stream().map(PurposeCode::value).sorted().toList(),
                    t.fields().stream().sorted().map(PersonalField::name).toList(), t.validFrom(), t.validUntil(),
                    t.destinationCountry().isPresent(), t.destinationCountry().orElse(null), t.legalBasis().name(),
                    t.signatory(), a.stateAt(now).name(), a.createdAt(), a.createdBy(), t.revokedAt().orElse(null),
                    a.revokedBy().orElse(null), a.revocationReason().orElse(null));
        }
    }

    @PostMapping
    @Operation(summary = "Record a data-sharing agreement",
            description = "400 validation lists every broken rule: unknown or prohibited purpose, a purpose that "
                    + "allows no disclosure, unknown or non-transferable field, validity, country code.")
    ResponseEntity<AgreementView> create(RequestContext context, @RequestBody AgreementRequest request) {
        Agreement created = agreements.create(context, new AgreementDraft(request.recipient(),
                request.recipientName(), request.purposes(), request.fields(), request.validFrom(),
                request.validUntil(), Optional.ofNullable(request.destinationCountry()), request.legalBasis(),
                request.signatory()));
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + created.terms().id()))
                .body(AgreementView.of(created, clock.instant()));
    }

    @GetMapping
    @Operation(summary = "List agreements (optionally one recipient's), newest first")
    List<AgreementView> list(RequestContext context, @RequestParam Optional<String> recipient) {
        Instant now = clock.instant();
        return agreements.list(context, recipient).stream().map(a -> AgreementView.of(a, now)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an agreement")
    AgreementView read(RequestContext context, @PathVariable UUID id) {
        return AgreementView.of(agreements.read(context, new AgreementId(id)), clock.instant());
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke an agreement with immediate effect",
            description = "Optional body {\"reason\": ...}. Revoking a revoked agreement changes nothing.")
    AgreementView revoke(RequestContext context, @PathVariable UUID id,
                         @RequestBody(required = false) RevocationRequest request) {
        Optional<String> reason = Optional.ofNullable(request).map(RevocationRequest::reason);
        return AgreementView.of(agreements.revoke(context, new AgreementId(id), reason), clock.instant());
    }
}
