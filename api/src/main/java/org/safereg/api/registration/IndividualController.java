package org.safereg.api.registration;

import org.safereg.api.consent.ConsentBody;
import org.safereg.api.web.IdempotencyKeyHeader;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.safereg.keys.SubjectId;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.ValidationException;
import org.safereg.registration.individuals.IndividualService;
import org.safereg.registration.model.DocumentQuery;
import org.safereg.registration.model.DocumentType;
import org.safereg.registration.model.EnrolmentResult;
import org.safereg.registration.model.ErasureResult;
import org.safereg.registration.model.Individual;
import org.safereg.registration.model.IndividualDetails;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Individuals: enrol, read, update (new version), history, search, erase. Every route declares its purpose in
 * {@code X-Purpose}; the core decides and audits. Personal values travel only in bodies, never in URLs.
 * Responses are not cacheable (Spring Security's default {@code Cache-Control: no-store} headers).
 */
@RestController
@RequestMapping("/api/v1/individuals")
@Tag(name = "Individuals")
class IndividualController {
    private final IndividualService individuals;

    IndividualController(RegistrationCore core) {
        this.individuals = core.individuals();
    }

    /** Result of an enrolment. {@code replayed}: an earlier request with the same Idempotency-Key created it. */
    record EnrolmentView(UUID id, int version, boolean replayed) {
    }

    /** An enrolment: the individual's details and the consent collected with them. */
    record EnrolmentRequest(@NotNull IndividualDetails details, @NotNull @Valid ConsentBody consent) {
    }

    record UpdateRequest(@NotNull Integer expectedVersion, @NotNull String reason, @NotNull IndividualDetails details) {
    }

    /**
     * Either {@code documentNumber} (optionally narrowed by {@code documentType} and {@code issuingCountry}) or
     * {@code fullName} with {@code dateOfBirth}.
     */
    record SearchRequest(String documentNumber, DocumentType documentType, String issuingCountry, String fullName,
                         LocalDate dateOfBirth) {
        @AssertTrue(message = "give either documentNumber, or fullName and dateOfBirth")
        boolean isOneCriterion() {
            return (documentNumber != null) != (fullName != null || dateOfBirth != null);
        }
    }

    record SearchResult(List<IndividualView> items) {
    }

    /** Result of an erasure, with the signed receipt document (verify it offline: docs/privacy.md). */
    record ErasureView(UUID id, int keysDestroyed, boolean alreadyErased,
                       @Schema(type = "object", description = "signed erasure receipt: {receipt, signature}")
                       @JsonRawValue String receipt) {
    }

    @PostMapping
    @Operation(summary = "Enrol an individual",
            description = "Body {details, consent}: the consent collected at enrolment is the subject's first "
                    + "consent record; without a valid basis for REG.ENROL in it the enrolment is refused (403 "
                    + "no-consent / consent-expired) and nothing is written. 201 with the new record's id; with an "
                    + "Idempotency-Key, a retry of the same request answers 200 with the first result (replayed = "
                    + "true) and creates nothing.")
    ResponseEntity<EnrolmentView> enrol(RequestContext context,
            @Parameter(description = "Client-chosen key (1..100 printable ASCII) making retries safe")
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody EnrolmentRequest request) {
        var consent = request.consent().toDeclaration();
        var key = IdempotencyKeyHeader.parse(idempotencyKey);
        EnrolmentResult result;
        try {
            result = individuals.enrol(context, consent, request.details(), key);
        } catch (ValidationException e) {
            throw e.prefixed("details.");
        }
        EnrolmentView view = new EnrolmentView(result.id().value(), result.version(), result.replayed());
        URI location = URI.create("/api/v1/individuals/" + result.id());
        return (result.replayed() ? ResponseEntity.ok() : ResponseEntity.created(location))
                .location(location).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an individual's current version")
    IndividualView read(RequestContext context, @PathVariable UUID id) {
        return IndividualView.of(individuals.read(context, new SubjectId(id)));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update an individual (creates a new version)",
            description = "expectedVersion is the version the change is based on: if the record moved on, 409 "
                    + "version-conflict. reason (why the change is made) is stored encrypted with the version.")
    IndividualView update(RequestContext context, @PathVariable UUID id, @Valid @RequestBody UpdateRequest request) {
        Individual updated = individuals.update(context, new SubjectId(id), request.expectedVersion(),
                request.details(), request.reason());
        return IndividualView.of(updated);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "All versions of an individual, oldest first")
    List<IndividualView.HistoryEntry> history(RequestContext context, @PathVariable UUID id) {
        return individuals.history(context, new SubjectId(id)).stream().map(IndividualView.HistoryEntry::of).toList();
    }

    @PostMapping("/search")
    @Operation(summary = "Search by document number, or by full name and date of birth",
            description = "Exact look-up through blind indexes (document numbers ignore case, spaces, dashes, dots "
                    + "and slashes; names ignore case, diacritics, punctuation and order). POST so that the "
                    + "personal values stay out of URLs and access logs.")
    SearchResult search(RequestContext context, @Valid @RequestBody SearchRequest request) {
        List<Individual> found;
        if (request.documentNumber() != null) {
            found = individuals.searchByDocument(context, new DocumentQuery(request.documentNumber(),
                    Optional.ofNullable(request.documentType()), Optional.ofNullable(request.issuingCountry())));
        } else {
            if (request.fullName() == null || request.dateOfBirth() == null) {
                throw ValidationException.of(request.fullName() == null ? "fullName" : "dateOfBirth",
                        "is required for a name search");
            }
            found = individuals.searchByNameAndBirthDate(context, request.fullName(), request.dateOfBirth());
        }
        return new SearchResult(found.stream().map(IndividualView::of).toList());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Erase an individual (crypto-shredding)",
            description = "DATA_PROTECTION_OFFICER with purpose SUBJECT_REQUEST. Destroys the individual's data "
                    + "keys: nothing about them can be read any more (410 erased). Answers the signed erasure "
                    + "receipt (no personal data beyond the id; verify it offline with the key from GET "
                    + "/api/v1/keys/signing-key). Idempotent: erasing again answers the first receipt.")
    ErasureView erase(RequestContext context, @PathVariable UUID id) {
        ErasureResult result = individuals.erase(context, new SubjectId(id));
        return new ErasureView(result.id().value(), result.keysDestroyed(), result.alreadyErased(),
                result.receipt().json());
    }

}
