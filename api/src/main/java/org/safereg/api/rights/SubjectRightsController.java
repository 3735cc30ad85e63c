package org.safereg.api.rights;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safereg.api.consent.ConsentViews;
import org.safereg.keys.SubjectId;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.ImageFormat;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.biometrics.BiometricRecords;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.IndividualVersion;
import org.safereg.registration.model.Relationship;
import org.safereg.registration.model.VersionInfo;
import org.safereg.registration.rights.SubjectExport;
import org.safereg.registration.rights.SubjectRightsService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Interested-person access for the DATA_PROTECTION_OFFICER with purpose SUBJECT_REQUEST: the complete export of
 * one subject (action SUBJECT_EXPORT) and the signed receipt of an erasure. Rectification is
 * {@code PUT /api/v1/individuals/{id}} and erasure {@code DELETE /api/v1/individuals/{id}} under the same
 * purpose. Responses are not cacheable (Spring Security's {@code Cache-Control: no-store}).
 */
@RestController
@RequestMapping("/api/v1/individuals")
@Tag(name = "Subject rights")
class SubjectRightsController {
    private final SubjectRightsService rights;

    SubjectRightsController(RegistrationCore core) {
        this.rights = core.subjectRights();
    }

    /** Who changed a version, when and why. */
    record VersionView(int version, String changedBy, Instant changedAt, String reason) {
        static VersionView of(VersionInfo info) {
            return new VersionView(info.version(), info.changedBy(), info.changedAt(), info.reason().orElse(null));
        }
    }

    record VersionEntry(VersionView version, IndividualDetails details) {
        static VersionEntry of(IndividualVersion v) {
            return new VersionEntry(VersionView.of(v.info()), v.details());
        }
    }

    /** A household membership: the household and the subject's own place in it, not the other members. */
    record MembershipView(UUID household, String householdStatus, boolean head, Relationship relationshipToHead,
                          int joinedVersion, Integer leftVersion) {
    }

    record FingerprintView(int fingerIndex, FingerPosition position, ImageFormat imageFormat, double dpi,
                           String sourceafisVersion, Instant capturedAt) {
        static FingerprintView of(BiometricRecords.Capture c) {
            return new FingerprintView(c.fingerIndex(), c.position(), c.imageFormat(), c.dpi(), c.sourceafisVersion(),
                    c.capturedAt());
        }
    }

    /** The subject's adjudication case: candidates are other people and are given only as a count. */
    record AdjudicationView(UUID caseId, String status, Instant openedAt, int candidateCount, String decision,
                            String decisionReason, String decidedBy, Instant decidedAt) {
        static AdjudicationView of(BiometricRecords.Case c) {
            return new AdjudicationView(c.id().value(), c.status().name(), c.openedAt(), c.candidateCount(),
                    c.decision().map(Enum::name).orElse(null), c.decisionReason().orElse(null),
                    c.decidedBy().orElse(null), c.decidedAt().orElse(null));
        }
    }

    record ExportView(String format, UUID subjectId, Instant exportedAt, String status, UUID duplicateOf,
                      Instant registeredAt, int currentVersion, IndividualDetails current, List<VersionEntry> versions,
                      List<MembershipView> households, List<FingerprintView> fingerprints,
                      AdjudicationView adjudication, ConsentViews.HistoryView consents, Map<String, Object> more,
                      List<SubjectExport.AccessEvent> disclosures) {
        static ExportView of(SubjectExport e) {
            return new ExportView("safereg.subject-export.v1", e.subject().value(), e.exportedAt(),
                    e.state().status().name(), e.state().duplicateOf().map(SubjectId::value).orElse(null),
                    e.current().registeredAt(), e.current().version(), e.current().details(),
                    e.versions().stream().map(VersionEntry::of).toList(),
                    e.households().stream().map(m -> new MembershipView(m.household().value(),
                            m.householdStatus().name(), m.head(), m.relationshipToHead(), m.joinedVersion(),
                            m.leftVersion().orElse(null))).toList(),
                    e.fingerprints().stream().map(FingerprintView::of).toList(),
                    e.adjudication().map(AdjudicationView::of).orElse(null), ConsentViews.HistoryView.of(e.consents()),
                    e.sections(), e.disclosures());
        }
    }

    @GetMapping("/{id}/export")
    @Operation(summary = "Export everything held about one person (interested-person access)",
            description = "DATA_PROTECTION_OFFICER with purpose SUBJECT_REQUEST. The current record, every "
                    + "version with who changed it and why, household memberships (not the other members), "
                    + "fingerprint capture metadata (no images or templates), the adjudication case (candidates "
                    + "as a count), the consent history (records, withdrawals, current standing per purpose), "
                    + "further sections held by other parts of the system, and the disclosure list: "
                    + "every audited access naming the person (role, purpose, action, time, outcome). The export "
                    + "is audited itself. 410 erased for an erased person (their receipt stays available).")
    ExportView export(RequestContext context, @PathVariable UUID id) {
        return ExportView.of(rights.export(context, new SubjectId(id)));
    }

    @GetMapping(value = "/{id}/erasure-receipt", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The signed receipt of a person's erasure",
            description = "DATA_PROTECTION_OFFICER with purpose SUBJECT_REQUEST (action SUBJECT_EXPORT). The "
                    + "document returned by the erasure, to hand it over again; verify it offline with "
                    + "`java -jar safereg-api.jar receipt-verify receipt.json signing-key.pem`. 404 when the "
                    + "person was not erased.")
    ResponseEntity<String> erasureReceipt(RequestContext context, @PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(rights.erasureReceipt(context, new SubjectId(id)).json());
    }
}
