package org.safereg.registration.biometrics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.safereg.keys.FieldCipher;
import org.safereg.keys.FieldName;
import org.safereg.keys.SubjectId;
import org.safereg.matching.ExtractedFinger;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.ImageFormat;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Encrypted persistence of fingerprint captures (table {@code fingerprint_capture}). Image and template are
 * ciphertexts under the subject's BIOMETRIC key, each bound to a field name that includes the finger position,
 * so a ciphertext moved to another finger or column fails to decrypt. Runs in the caller's transaction.
 * Thread-safe.
 */
final class FingerprintStore {
    private static final int SCHEMA_VERSION = 1;
    /** Statuses whose fingers are in the gallery. */
    static final String IN_GALLERY = "('ACTIVE', 'PENDING_ADJUDICATION')";

    /** Smallest UUID in PostgreSQL's (bytewise) order: the start of keyset pagination. Never a random id. */
    private static final UUID NIL = new UUID(0, 0);

    private final JdbcClient jdbc;

    FingerprintStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static FieldName imageField(FingerPosition position) {
        return FieldName.of("fingerprint." + position.name().toLowerCase(Locale.ROOT) + ".image", SCHEMA_VERSION);
    }

    static FieldName templateField(FingerPosition position) {
        return FieldName.of("fingerprint." + position.name().toLowerCase(Locale.ROOT) + ".template", SCHEMA_VERSION);
    }

    /** A stored template, still encrypted. */
    record StoredTemplate(SubjectId subject, int index, FingerPosition position, byte[] template, String version) {
    }

    /** A stored image, still encrypted. */
    record StoredImage(int index, FingerPosition position, ImageFormat format, double dpi, byte[] image) {
    }

    /** A finger to re-extract: key of the row and the version its template was made with. */
    record StaleFinger(SubjectId subject, int index, FingerPosition position, String version) {
    }

    void insert(FieldCipher cipher, int index, ExtractedFinger finger, byte[] image, Instant now) {
        FingerPosition position = finger.position();
        jdbc.sql("""
                        INSERT INTO fingerprint_capture (subject_id, finger_index, position, image, template,
                                                         image_format, dpi, sourceafis_version, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(cipher.subject().value(), index, position.code(),
                        cipher.encrypt(imageField(position), image),
                        cipher.encrypt(templateField(position), finger.templateBytes()),
                        finger.format().name(), finger.dpi(), finger.sourceafisVersion(),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    /** Finger positions stored for the subject, in capture order. */
    List<FingerPosition> positions(SubjectId subject) {
        return jdbc.sql("SELECT position FROM fingerprint_capture WHERE subject_id = ? ORDER BY finger_index")
                .param(subject.value()).query(Integer.class).list()
                .stream().map(FingerPosition::ofCode).toList();
    }

    /** How many persons with fingerprints are ACTIVE or PENDING_ADJUDICATION. */
    int countGallerySubjects() {
        return jdbc.sql("SELECT count(*) FROM individual i WHERE i.status IN " + IN_GALLERY
                        + " AND EXISTS (SELECT 1 FROM fingerprint_capture c WHERE c.subject_id = i.id)")
                .query(Integer.class).single();
    }

    /** The next {@code limit} gallery persons after {@code after} (by id). */
    List<SubjectId> gallerySubjects(Optional<SubjectId> after, int limit) {
        return jdbc.sql("SELECT i.id FROM individual i WHERE i.status IN " + IN_GALLERY
                        + " AND i.id > ? AND EXISTS (SELECT 1 FROM fingerprint_capture c WHERE c.subject_id = i.id)"
                        + " ORDER BY i.id LIMIT ?")
                .params(after.map(SubjectId::value).orElse(NIL), limit)
                .query(UUID.class).list().stream().map(SubjectId::new).toList();
    }

    /** Those of {@code subjects} that are gallery persons (ACTIVE or PENDING_ADJUDICATION with fingerprints). */
    List<SubjectId> gallerySubjectsAmong(Collection<SubjectId> subjects) {
        return jdbc.sql("SELECT i.id FROM individual i WHERE i.status IN " + IN_GALLERY
                        + " AND i.id = ANY (?) AND EXISTS (SELECT 1 FROM fingerprint_capture c WHERE c.subject_id = i.id)"
                        + " ORDER BY i.id")
                .param(subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .query(UUID.class).list().stream().map(SubjectId::new).toList();
    }

    /** The encrypted templates of {@code subjects}, grouped by subject in the given order. */
    Map<SubjectId, List<StoredTemplate>> templates(List<SubjectId> subjects) {
        Map<SubjectId, List<StoredTemplate>> bySubject = new LinkedHashMap<>();
        subjects.forEach(s -> bySubject.put(s, new ArrayList<>()));
        jdbc.sql("""
                        SELECT subject_id, finger_index, position, template, sourceafis_version FROM fingerprint_capture
                        WHERE subject_id = ANY (?) ORDER BY subject_id, finger_index""")
                .param(subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .query((rs, n) -> {
                    SubjectId subject = new SubjectId(rs.getObject(1, UUID.class));
                    bySubject.get(subject).add(new StoredTemplate(subject, rs.getInt(2),
                            FingerPosition.ofCode(rs.getInt(3)), rs.getBytes(4), rs.getString(5)));
                    return null;
                })
                .list();
        return bySubject;
    }

    Optional<StoredImage> image(SubjectId subject, int index) {
        return jdbc.sql("""
                        SELECT finger_index, position, image_format, dpi, image FROM fingerprint_capture
                        WHERE subject_id = ? AND finger_index = ?""")
                .params(subject.value(), index)
                .query((rs, n) -> new StoredImage(rs.getInt(1), FingerPosition.ofCode(rs.getInt(2)),
                        ImageFormat.valueOf(rs.getString(3)), rs.getDouble(4), rs.getBytes(5)))
                .optional();
    }

    /** The first stored image at {@code position} (positions are distinct when known). */
    Optional<StoredImage> imageAt(SubjectId subject, FingerPosition position) {
        return jdbc.sql("""
                        SELECT finger_index, position, image_format, dpi, image FROM fingerprint_capture
                        WHERE subject_id = ? AND position = ? ORDER BY finger_index LIMIT 1""")
                .params(subject.value(), position.code())
                .query((rs, n) -> new StoredImage(rs.getInt(1), FingerPosition.ofCode(rs.getInt(2)),
                        ImageFormat.valueOf(rs.getString(3)), rs.getDouble(4), rs.getBytes(5)))
                .optional();
    }

    int deleteAll(SubjectId subject) {
        return jdbc.sql("DELETE FROM fingerprint_capture WHERE subject_id = ?").param(subject.value()).update();
    }

    /** How many fingers hold a template of another SourceAFIS version than {@code current}. */
    long countStale(String current) {
        return jdbc.sql("SELECT count(*) FROM fingerprint_capture WHERE sourceafis_version <> ?")
                .param(current).query(Long.class).single();
    }

    /** The next {@code limit} fingers with a template of another version, after the row key {@code after}. */
    List<StaleFinger> stale(String current, Optional<StaleFinger> after, int limit) {
        UUID afterSubject = after.map(f -> f.subject().value()).orElse(NIL);
        int afterIndex = after.map(StaleFinger::index).orElse(-1);
        return jdbc.sql("""
                        SELECT subject_id, finger_index, position, sourceafis_version FROM fingerprint_capture
                        WHERE sourceafis_version <> ? AND (subject_id, finger_index) > (?, ?)
                        ORDER BY subject_id, finger_index LIMIT ?""")
                .params(current, afterSubject, afterIndex, limit)
                .query((rs, n) -> new StaleFinger(new SubjectId(rs.getObject(1, UUID.class)), rs.getInt(2),
                        FingerPosition.ofCode(rs.getInt(3)), rs.getString(4)))
                .list();
    }

    /** Replaces a template if it is still of {@code expectedVersion} (compare-and-set); true if replaced. */
    boolean replaceTemplate(FieldCipher cipher, StaleFinger finger, byte[] template, String version) {
        return jdbc.sql("""
                        UPDATE fingerprint_capture SET template = ?, sourceafis_version = ?
                        WHERE subject_id = ? AND finger_index = ? AND sourceafis_version = ?""")
                .params(cipher.encrypt(templateField(finger.position()), template), version,
                        finger.subject().value(), finger.index(), finger.version())
                .update() == 1;
    }
}
