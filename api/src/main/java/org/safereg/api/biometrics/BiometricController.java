package org.safereg.api.biometrics;

import org.safereg.api.web.IdempotencyKeyHeader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.safereg.api.biometrics.BiometricViews.EnrolmentRequest;
import org.safereg.api.biometrics.BiometricViews.EnrolmentView;
import org.safereg.api.biometrics.BiometricViews.Fingerprint;
import org.safereg.api.biometrics.BiometricViews.IdentificationRequest;
import org.safereg.api.biometrics.BiometricViews.IdentificationView;
import org.safereg.api.biometrics.BiometricViews.RegistrationView;
import org.safereg.api.biometrics.BiometricViews.VerificationRequest;
import org.safereg.api.biometrics.BiometricViews.VerificationView;
import org.safereg.keys.SubjectId;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.biometrics.BiometricEnrolmentResult;
import org.safereg.registration.biometrics.BiometricService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Biometric enrolment with deduplication, 1:1 verification and 1:N identification. Bodies are JSON with the
 * fingerprint images base64-encoded (limit {@code registry.biometrics.max-request-body}, checked before the body
 * is read; each image is then screened by the matching module's byte and pixel limits before it is decoded).
 * Every route declares its purpose in {@code X-Purpose}; the core decides and audits.
 */
@RestController
@RequestMapping("/api/v1/biometrics")
@Tag(name = "Biometrics")
class BiometricController {
    private final BiometricService biometrics;

    BiometricController(RegistrationCore core) {
        this.biometrics = core.biometrics();
    }

    @PostMapping("/enrolments")
    @Operation(summary = "Enrol an individual with fingerprints (deduplication search first)",
            description = "REGISTRATION_OFFICER with purpose REG.ENROL or REG.DEDUP. 201 with status ACTIVE (no "
                    + "possible duplicate) or PENDING_ADJUDICATION with the ranked candidates (ids and scores) and "
                    + "the adjudication case. A rejected image answers 422 urn:safereg:problem:fingerprint-<reason> "
                    + "with advice for the officer. 503 biometrics-not-ready while the gallery loads. With an "
                    + "Idempotency-Key, a retry answers 200 with the first result.")
    ResponseEntity<EnrolmentView> enrol(RequestContext context,
            @Parameter(description = "Client-chosen key (1..100 printable ASCII) making retries safe")
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody EnrolmentRequest request) {
        BiometricEnrolmentResult result = biometrics.enrol(context, request.consent().toDeclaration(), request.details(),
                Fingerprint.captures(request.fingerprints()), IdempotencyKeyHeader.parse(idempotencyKey));
        URI location = URI.create("/api/v1/individuals/" + result.id());
        return (result.replayed() ? ResponseEntity.ok() : ResponseEntity.created(location))
                .location(location).body(EnrolmentView.of(result));
    }

    @PostMapping("/verifications")
    @Operation(summary = "1:1 verification: do these fingers belong to this person?",
            description = "Purpose REG.VERIFY. Answers match, the fused score and the threshold applied. Limited "
                    + "per person id (registry.biometrics.verification-rate-limit): 429 verification-rate-limited "
                    + "with Retry-After.")
    VerificationView verify(RequestContext context, @Valid @RequestBody VerificationRequest request) {
        return VerificationView.of(biometrics.verify(context, new SubjectId(request.subject()),
                Fingerprint.captures(request.fingerprints())));
    }

    @PostMapping("/identifications")
    @Operation(summary = "1:N identification: ranked candidate person ids for these fingers",
            description = "Purposes REG.DEDUP or PROT.CASE (by default). Ids and scores only, no personal data.")
    IdentificationView identify(RequestContext context, @Valid @RequestBody IdentificationRequest request) {
        return IdentificationView.of(biometrics.identify(context, Fingerprint.captures(request.fingerprints())));
    }

    @GetMapping("/registrations/{id}")
    @Operation(summary = "Registration status of an individual (ACTIVE, PENDING_ADJUDICATION, DUPLICATE with the "
            + "existing person, ERASED)")
    RegistrationView registration(RequestContext context, @PathVariable UUID id) {
        return RegistrationView.of(biometrics.registrationState(context, new SubjectId(id)));
    }

}
