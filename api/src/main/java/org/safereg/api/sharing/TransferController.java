package org.safereg.api.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PersonalField;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.sharing.TransferRecord;
import org.safereg.registration.sharing.TransferRequest;
import org.safereg.registration.sharing.TransferResult;
import org.safereg.registration.sharing.TransferService;
import org.safereg.registration.sharing.TransferredSubject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Transfers of personal data to a recipient organisation under a data-sharing agreement, for partner systems
 * and file exports (action TRANSFER under the declared purpose: ASSIST.* for registration officers,
 * PROT.FAMILY_TRACING and SOLUTIONS.RESETTLEMENT for protection officers), and the record of transfers for the
 * data protection officer.
 */
@RestController
@RequestMapping("/api/v1/transfers")
@Tag(name = "Transfers")
class TransferController {
    private final TransferService transfers;

    TransferController(RegistrationCore core) {
        this.transfers = core.transfers();
    }

    /** Either {@code subjects} (person ids) or {@code adminPcode}; {@code fields} optional (field names). */
    record TransferBody(String recipient, List<String> subjects, String adminPcode, List<String> fields) {
    }

    /** A transfer's record: no personal data. */
    record TransferView(UUID id, UUID agreement, String recipient, String purpose, List<String> fields,
                        boolean transborder, String destinationCountry, Instant at, String actor, String role,
                        int transferred, int withheld, int notFound) {
        static TransferView of(TransferRecord t) {
            return new TransferView(t.id(), t.agreement().value(), t.recipient().value(), t.purpose().value(),
                    t.fields().stream().sorted().map(PersonalField::name).toList(),
                    t.destinationCountry().isPresent(), t.destinationCountry().orElse(null), t.at(), t.actor(),
                    t.role(), t.transferred(), t.withheld(), t.notFound());
        }
    }

    /** The document for the recipient: the transfer's record and the subjects' data, keyed by field JSON name. */
    record TransferDocument(TransferView transfer, List<Map<String, Object>> subjects) {
        static TransferDocument of(TransferResult result) {
            return new TransferDocument(TransferView.of(result.transfer()),
                    result.subjects().stream().map(TransferDocument::subject).toList());
        }

        private static Map<String, Object> subject(TransferredSubject s) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", s.id().value());
            s.values().forEach((field, value) -> json.put(field.jsonName(),
                    value instanceof TransferredSubject.Household h
                            ? Map.of("id", h.id().value(), "size", h.size())
                            : value));
            return json;
        }
    }

    @PostMapping
    @Operation(summary = "Transfer personal data to a recipient under an agreement",
            description = "403 no-agreement without an active agreement of the recipient covering the declared "
                    + "purpose and every requested field. Subjects without a basis for the purpose are withheld "
                    + "(counted in withheld, nothing of theirs in the document). The answer is the document for "
                    + "the recipient (Content-Disposition: attachment).")
    ResponseEntity<TransferDocument> transfer(RequestContext context, @RequestBody TransferBody body) {
        TransferResult result = transfers.transfer(context, new TransferRequest(body.recipient(),
                Optional.ofNullable(body.subjects()), Optional.ofNullable(body.adminPcode()),
                Optional.ofNullable(body.fields())));
        UUID id = result.transfer().id();
        return ResponseEntity.created(URI.create("/api/v1/transfers/" + id))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"transfer-" + id + ".json\"")
                .body(TransferDocument.of(result));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A transfer's record (data protection officer, ADMIN.AGREEMENTS)")
    TransferView read(RequestContext context, @PathVariable UUID id) {
        return TransferView.of(transfers.read(context, id));
    }

    @GetMapping
    @Operation(summary = "The transfers that carried a subject's data (data protection officer, AUDIT or "
            + "SUBJECT_REQUEST)")
    List<TransferView> ofSubject(RequestContext context, @RequestParam UUID subject) {
        return transfers.transfersOf(context, new SubjectId(subject)).stream().map(TransferView::of).toList();
    }
}
