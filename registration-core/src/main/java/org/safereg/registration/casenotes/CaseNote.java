package org.safereg.registration.casenotes;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.safereg.keys.SubjectId;

/**
 * One protection case note: who wrote it about whom, when, and its text (personal data of the most sensitive
 * kind: never log it). Notes are append-only: a correction is a new note.
 */
public record CaseNote(UUID id, SubjectId subject, String author, Instant writtenAt, String text) {
    /** Longest note, in characters. */
    public static final int MAX_LENGTH = 10_000;

    public CaseNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(writtenAt, "writtenAt");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "CaseNote[id=" + id + ", author=" + author + ", writtenAt=" + writtenAt + ", text=redacted]";
    }
}
