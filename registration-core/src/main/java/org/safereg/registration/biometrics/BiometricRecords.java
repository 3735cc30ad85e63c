package org.safereg.registration.biometrics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.safereg.keys.DataCategory;
import org.safereg.keys.SubjectId;
import org.safereg.keys.SubjectKeyring;
import org.safereg.keys.SubjectKeysDestroyedException;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.ImageFormat;
import org.safereg.registration.SubjectErasedException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Internal: what the biometric part holds about one subject, for the subject export (run inside the caller's
 * guarded transaction, so it decides and audits nothing itself). Capture metadata only: images and templates
 * are not exported (see docs/privacy.md, "Subject export"). Thread-safe.
 */
public final class BiometricRecords {
    private final JdbcClient jdbc;
    private final SubjectKeyring keyring;
    private final AdjudicationStore cases;

    public BiometricRecords(JdbcClient jdbc, SubjectKeyring keyring) {
        this.jdbc = jdbc;
        this.keyring = keyring;
        this.cases = new AdjudicationStore(jdbc);
    }

    /** One stored finger: where it is from and how it was captured, without the image or template. */
    public record Capture(int fingerIndex, FingerPosition position, ImageFormat imageFormat, double dpi,
                          String sourceafisVersion, Instant capturedAt) {
    }

    /**
     * The subject's adjudication case, without the candidates (other people).
     *
     * @param decisionReason the adjudicator's reason, decrypted under the subject's BIOMETRIC key
     */
    public record Case(CaseId id, CaseStatus status, Instant openedAt, int candidateCount,
                       Optional<AdjudicationDecision> decision, Optional<String> decisionReason,
                       Optional<String> decidedBy, Optional<Instant> decidedAt) {
    }

    /** The subject's fingerprint captures in capture order. */
    public List<Capture> captures(SubjectId subject) {
        return jdbc.sql("""
                        SELECT finger_index, position, image_format, dpi, sourceafis_version, created_at
                        FROM fingerprint_capture WHERE subject_id = ? ORDER BY finger_index""")
                .param(subject.value())
                .query((rs, n) -> new Capture(rs.getInt(1), FingerPosition.ofCode(rs.getInt(2)),
                        ImageFormat.valueOf(rs.getString(3)), rs.getDouble(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The subject's adjudication case, if their enrolment found candidates. */
    public Optional<Case> caseOf(SubjectId subject) {
        Optional<AdjudicationStore.CaseRow> found = cases.forSubject(subject);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AdjudicationStore.CaseRow row = found.get();
        Optional<String> reason = row.reason().map(r -> {
            try {
                return AdjudicationStore.reason(keyring.open(subject, DataCategory.BIOMETRIC), r);
            } catch (SubjectKeysDestroyedException e) {
                throw new SubjectErasedException();
            }
        });
        int candidates = jdbc.sql("SELECT candidate_count FROM adjudication_case WHERE id = ?")
                .param(row.id().value()).query(Integer.class).single();
        return Optional.of(new Case(row.id(), row.status(), row.createdAt(), candidates, row.decision(), reason,
                row.decidedBy(), row.decidedAt()));
    }
}
