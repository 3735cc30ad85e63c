package org.safereg.api.protection;

import io.swagger.v3.oas.annotations.Operation;
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
import org.safereg.registration.casenotes.CaseNote;
import org.safereg.registration.casenotes.CaseNoteService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Protection case notes of one individual: append-only, PROTECTION_OFFICER with X-Purpose PROT.CASE_NOTES, only
 * with the person's basis for that purpose (consent) or an active break-glass grant for it. Stored under the
 * person's own CASE_NOTES data key.
 */
@RestController
@RequestMapping("/api/v1/individuals/{id}/case-notes")
@Tag(name = "Case notes")
class CaseNoteController {
    private final CaseNoteService caseNotes;

    CaseNoteController(RegistrationCore core) {
        this.caseNotes = core.caseNotes();
    }

    record NewNote(@NotNull String text) {
    }

    /** A note; {@code text} only when reading the notes (not echoed after writing). */
    record NoteView(UUID id, String author, Instant writtenAt, String text) {
    }

    record NotesView(List<NoteView> items) {
    }

    @PostMapping
    @Operation(summary = "Append a case note (1..10,000 characters)",
            description = "Action CASE_NOTE_WRITE under PROT.CASE_NOTES. Notes cannot be changed: write a new one.")
    ResponseEntity<NoteView> write(RequestContext context, @PathVariable UUID id, @Valid @RequestBody NewNote body) {
        CaseNote note = caseNotes.write(context, new SubjectId(id), body.text());
        return ResponseEntity.created(URI.create("/api/v1/individuals/" + id + "/case-notes"))
                .body(new NoteView(note.id(), note.author(), note.writtenAt(), null));
    }

    @GetMapping
    @Operation(summary = "The individual's case notes, oldest first", description = "Action CASE_NOTE_READ under "
            + "PROT.CASE_NOTES.")
    NotesView read(RequestContext context, @PathVariable UUID id) {
        return new NotesView(caseNotes.read(context, new SubjectId(id)).stream()
                .map(n -> new NoteView(n.id(), n.author(), n.writtenAt(), n.text())).toList());
    }
}
