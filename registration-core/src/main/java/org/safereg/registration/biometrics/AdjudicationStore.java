package org.safereg.registration.biometrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.safereg.keys.FieldCipher;
import org.safereg.keys.FieldName;
import org.safereg.keys.SubjectId;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.FingerScore;
import org.safereg.registration.model.RegistrationStatus;
import org.safereg.registration.storage.JsonCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

/**
 * Persistence of adjudication cases (table {@code adjudication_case}). The ranked candidates and the decision
 * reason are ciphertexts under the case subject's BIOMETRIC key. Runs in the caller's transaction. Thread-safe.
 */
final class AdjudicationStore {
    static final FieldName CANDIDATES = FieldName.of("adjudication.candidates", 1);
    static final FieldName REASON = FieldName.of("adjudication.reason", 1);
    private static final String COLUMNS = "id, subject_id, status, candidates, threshold, created_by, created_at, "
            + "decision, reason, decided_by, decided_at";

    private final JdbcClient jdbc;

    AdjudicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case row; candidates and reason still encrypted. */
    record CaseRow(CaseId id, SubjectId subject, CaseStatus status, byte[] candidates, double threshold,
                   String createdBy, Instant createdAt, Optional<AdjudicationDecision> decision,
                   Optional<byte[]> reason, Optional<String> decidedBy, Optional<Instant> decidedAt) {
    }

    /** Plaintext layout of the encrypted candidate list (positions as ISO/IEC 19794-4 codes). */
    private record StoredCandidate(UUID subject, double score, List<StoredFingerScore> fingers, String status) {
    }

    private record StoredFingerScore(int probe, int enrolled, double score) {
    }

    /** Opens a case for the subject of {@code cipher} with its ranked candidates (at least one). */
    CaseId open(FieldCipher cipher, List<MatchCandidate> ranked, double threshold, String actor, Instant now) {
        CaseId id = new CaseId(UUID.randomUUID());
        List<StoredCandidate> stored = ranked.stream()
                .map(c -> new StoredCandidate(c.subject().value(), c.score(), c.fingers().stream()
                        .map(f -> new StoredFingerScore(f.probePosition().code(), f.enrolledPosition().code(), f.score()))
                        .toList(), c.status().name()))
                .toList();
        jdbc.sql("""
                        INSERT INTO adjudication_case (id, subject_id, status, candidates, candidate_count, top_score,
                                                       threshold, created_by, created_at)
                        VALUES (?, ?, 'OPEN', ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), cipher.subject().value(), cipher.encrypt(CANDIDATES, JsonCodec.encode(stored)),
                        ranked.size(), ranked.get(0).score(), threshold, actor, utc(now))
                .update();
        return id;
    }

    /** The candidates as stored at enrolment (ranked; status as it was then). */
    static List<MatchCandidate> candidates(FieldCipher cipher, CaseRow row) {
        List<StoredCandidate> stored = JsonCodec.decode(cipher.decrypt(CANDIDATES, row.candidates()),
                new TypeReference<List<StoredCandidate>>() { });
        return IntStream.range(0, stored.size())
                .mapToObj(i -> {
                    StoredCandidate c = stored.get(i);
                    return new MatchCandidate(new SubjectId(c.subject()), i + 1, c.score(), c.fingers().stream()
                            .map(f -> new FingerScore(FingerPosition.ofCode(f.probe()),
                                    FingerPosition.ofCode(f.enrolled()), f.score()))
                            .toList(), RegistrationStatus.valueOf(c.status()));
                })
                .toList();
    }

    static String reason(FieldCipher cipher, byte[] ciphertext) {
        return JsonCodec.decode(cipher.decrypt(REASON, ciphertext), new TypeReference<String>() { });
    }

    /** @param lock lock the case row until the transaction ends */
    Optional<CaseRow> find(CaseId id, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM adjudication_case WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id.value()).query((rs, n) -> row(rs)).optional();
    }

    Optional<CaseRow> forSubject(SubjectId subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM adjudication_case WHERE subject_id = ?")
                .param(subject.value()).query((rs, n) -> row(rs)).optional();
    }

    long countOpen() {
        return jdbc.sql("SELECT count(*) FROM adjudication_case WHERE status = 'OPEN'").query(Long.class).single();
    }

    /** Open cases, oldest first. */
    List<AdjudicationSummary> openCases(long offset, int limit) {
        return jdbc.sql("""
                        SELECT id, subject_id, created_at, candidate_count, top_score FROM adjudication_case
                        WHERE status = 'OPEN' ORDER BY created_at, id OFFSET ? LIMIT ?""")
                .params(offset, limit)
                .query((rs, n) -> new AdjudicationSummary(new CaseId(rs.getObject(1, UUID.class)),
                        new SubjectId(rs.getObject(2, UUID.class)), instant(rs, "created_at"), rs.getInt(4),
                        rs.getDouble(5)))
                .list();
    }

    void decide(FieldCipher cipher, CaseId id, AdjudicationDecision decision, String reason, String actor,
                Instant now) {
        jdbc.sql("""
                        UPDATE adjudication_case SET status = 'DECIDED', decision = ?, reason = ?, decided_by = ?,
                                                     decided_at = ?
                        WHERE id = ? AND status = 'OPEN'""")
                .params(decision.name(), cipher.encrypt(REASON, JsonCodec.encode(reason)), actor, utc(now), id.value())
                .update();
    }

    /** Withdraws the subject's open case (the subject is being erased). */
    int withdraw(SubjectId subject) {
        return jdbc.sql("UPDATE adjudication_case SET status = 'WITHDRAWN' WHERE subject_id = ? AND status = 'OPEN'")
                .param(subject.value()).update();
    }

    private static CaseRow row(ResultSet rs) throws SQLException {
        String decision = rs.getString("decision");
        OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        return new CaseRow(new CaseId(rs.getObject("id", UUID.class)), new SubjectId(rs.getObject("subject_id", UUID.class)),
                CaseStatus.valueOf(rs.getString("status")), rs.getBytes("candidates"), rs.getDouble("threshold"),
                rs.getString("created_by"), instant(rs, "created_at"),
                Optional.ofNullable(decision).map(AdjudicationDecision::valueOf),
                Optional.ofNullable(rs.getBytes("reason")), Optional.ofNullable(rs.getString("decided_by")),
                Optional.ofNullable(decidedAt).map(OffsetDateTime::toInstant));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
