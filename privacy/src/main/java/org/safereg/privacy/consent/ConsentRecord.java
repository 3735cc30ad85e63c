package org.safereg.privacy.consent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.safereg.keys.SubjectId;

/**
 * One consent record of a subject, as collected (append-only: a change of mind is a new record or a withdrawal,
 * never an edit).
 *
 * @param collectedBy the user who recorded it
 * @param recordedAt when it was recorded (the time of collection)
 */
public record ConsentRecord(ConsentId id, SubjectId subject, String collectedBy, Instant recordedAt,
                            ConsentDeclaration declaration) {
    public ConsentRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(collectedBy, "collectedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(declaration, "declaration");
    }

    /** The record's answers as the policy decision point reads them (one per purpose, at {@code recordedAt}). */
    public List<BasisRecord> basisRecords() {
        return declaration.purposes().stream()
                .map(p -> new BasisRecord(p.purpose(), p.basis(), p.status(), p.categories(), p.recipients(), recordedAt,
                        declaration.validUntil()))
                .toList();
    }
}
