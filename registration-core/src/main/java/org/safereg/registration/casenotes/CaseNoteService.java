package org.safereg.registration.casenotes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.safereg.keys.DataCategory;
import org.safereg.keys.FieldCipher;
import org.safereg.keys.FieldName;
import org.safereg.keys.SubjectId;
import org.safereg.keys.SubjectKeyring;
import org.safereg.keys.SubjectKeysDestroyedException;
import org.safereg.privacy.Action;
import org.safereg.privacy.PersonalField;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.RequestContext;
import org.safereg.registration.SubjectErasedException;
import org.safereg.registration.ValidationException;
import org.safereg.registration.audit.AccessGuard;
import org.safereg.registration.individuals.ErasureListener;
import org.safereg.registration.rights.ErasedItem;
import org.safereg.registration.rights.ErasureLedger;
import org.safereg.registration.rights.ExportSection;
import org.safereg.registration.storage.IndividualStore;
import org.safereg.registration.storage.PaddedPayload;
import org.safereg.registration.storage.PaddedPayload.RecordBinding;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

/**
 * Protection case notes: append-only free-text notes about one individual, a data category of their own. Each
 * note's text is encrypted under the subject's CASE_NOTES data key (created with the first note), not the
 * DEMOGRAPHIC key, and padded to 256-byte blocks; the purpose that reads them (PROT.CASE_NOTES, actions
 * CASE_NOTE_WRITE and CASE_NOTE_READ) is not the one that reads the record. Every call is decided with the
 * subject named, so it needs the subject's basis for the declared purpose or an active break-glass grant, and
 * is audited in the same transaction.
 *
 * <p>Erasure of the individual destroys the CASE_NOTES key with the others and deletes the notes' rows
 * ({@link #erasureListener()}). Thread-safe. Costs: one KEK unwrap and a few SQL statements per call, one AEAD
 * operation per note.
 */
public final class CaseNoteService {
    private static final FieldName TEXT = FieldName.of("case_note.text", 1);

    private final AccessGuard guard;
    private final JdbcClient jdbc;
    private final IndividualStore individuals;
    private final SubjectKeyring keyring;
    private final Clock clock;

    /** Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#caseNotes()}. */
    public CaseNoteService(AccessGuard guard, JdbcClient jdbc, IndividualStore individuals, SubjectKeyring keyring,
                           Clock clock) {
        this.guard = guard;
        this.jdbc = jdbc;
        this.individuals = individuals;
        this.keyring = keyring;
        this.clock = clock;
    }

    /**
     * Appends a note about {@code subject} written by the caller (action CASE_NOTE_WRITE; the purpose must also
     * see the CASE_NOTES field, else {@link org.safereg.registration.AccessDeniedException} ACTION_NOT_COVERED).
     *
     * @throws ValidationException the text is blank or longer than 10,000 characters
     * @throws RecordNotFoundException no such individual
     * @throws SubjectErasedException the individual was erased
     */
    public CaseNote write(RequestContext context, SubjectId subject, String text) {
        return guard.run(context, Action.CASE_NOTE_WRITE, Optional.of(subject), trail -> {
            trail.requireFields(PersonalField.CASE_NOTES);
            if (text == null || text.isBlank() || text.codePointCount(0, text.length()) > CaseNote.MAX_LENGTH) {
                throw ValidationException.of("text", "is required, 1.." + CaseNote.MAX_LENGTH + " characters");
            }
            individuals.requireActive(subject, true);
            FieldCipher cipher = keyring.openOrCreate(subject, DataCategory.CASE_NOTES);
            CaseNote note = new CaseNote(UUID.randomUUID(), subject, context.actor().username(), now(), text);
            jdbc.sql("INSERT INTO case_note (id, individual_id, author, written_at, text) VALUES (?, ?, ?, ?, ?)")
                    .params(note.id(), subject.value(), note.author(),
                            OffsetDateTime.ofInstant(note.writtenAt(), ZoneOffset.UTC),
                            PaddedPayload.seal(cipher, TEXT, PaddedPayload.Block.TEXT, binding(note.id()), text))
                    .update();
            trail.accessed(subject);
            return note;
        });
    }

    /**
     * The notes about {@code subject}, oldest first (action CASE_NOTE_READ; the purpose must also see the
     * CASE_NOTES field, else {@link org.safereg.registration.AccessDeniedException} ACTION_NOT_COVERED); empty if
     * none was written.
     *
     * @throws RecordNotFoundException no such individual
     * @throws SubjectErasedException the individual was erased
     */
    public List<CaseNote> read(RequestContext context, SubjectId subject) {
        return guard.run(context, Action.CASE_NOTE_READ, Optional.of(subject), trail -> {
            trail.requireFields(PersonalField.CASE_NOTES);
            individuals.requireActive(subject, false);
            trail.accessed(subject);
            return notesOf(subject);
        });
    }

    /**
     * Internal, for the subject export (which is guarded and audited itself): the section {@code caseNotes}, the
     * subject's notes oldest first, read in the export's transaction.
     */
    public ExportSection exportSection() {
        return ExportSection.of("caseNotes", this::notesOf);
    }

    private List<CaseNote> notesOf(SubjectId subject) {
        List<StoredNote> stored = jdbc.sql("""
                        SELECT id, author, written_at, text FROM case_note WHERE individual_id = ?
                        ORDER BY written_at, id""")
                .param(subject.value()).query(CaseNoteService::stored).list();
        if (stored.isEmpty()) {
            return List.of();
        }
        FieldCipher cipher;
        try {
            cipher = keyring.open(subject, DataCategory.CASE_NOTES);
        } catch (SubjectKeysDestroyedException e) {
            throw new SubjectErasedException();
        }
        return stored.stream().map(s -> new CaseNote(s.id(), subject, s.author(), s.writtenAt(),
                PaddedPayload.open(cipher, TEXT, binding(s.id()), s.text(), new TypeReference<String>() { })))
                .toList();
    }

    /**
     * Internal, for the erasure: deletes the subject's notes inside the erasure transaction (their key is
     * destroyed with the subject's other keys).
     */
    public ErasureListener erasureListener() {
        return new ErasureListener() {
            @Override
            public void erasing(SubjectId id, ErasureLedger ledger) {
                ledger.removed(ErasedItem.CASE_NOTES,
                        jdbc.sql("DELETE FROM case_note WHERE individual_id = ?").param(id.value()).update());
            }

            @Override
            public void erased(SubjectId id) {
                // nothing outside the database
            }
        };
    }

    private record StoredNote(UUID id, String author, Instant writtenAt, byte[] text) {
    }

    private static StoredNote stored(ResultSet rs, int row) throws SQLException {
        return new StoredNote(rs.getObject("id", UUID.class), rs.getString("author"),
                rs.getObject("written_at", OffsetDateTime.class).toInstant(), rs.getBytes("text"));
    }

    private static RecordBinding binding(UUID note) {
        return new RecordBinding(note, 1);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
