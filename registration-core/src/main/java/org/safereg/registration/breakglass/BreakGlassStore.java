package org.safereg.registration.breakglass;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.breakglass.BreakGlassGrant;
import org.safereg.privacy.breakglass.BreakGlassId;
import org.safereg.privacy.breakglass.BreakGlassRequest;
import org.safereg.privacy.breakglass.BreakGlassStatus;
import org.safereg.privacy.breakglass.ReviewOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL of {@code break_glass_request} (internal). Runs in the caller's transaction. */
final class BreakGlassStore {
    private static final String COLUMNS = """
            id, subject_id, purpose, reason, requested_by, requested_at, status, decided_by, decided_at, expires_at,
            review_outcome, reviewed_by, reviewed_at, review_note""";

    /** A stored request: its state and its encrypted reason (and review note, once reviewed). */
    record Stored(BreakGlassRequest request, byte[] reason, Optional<byte[]> reviewNote) {
    }

    private final JdbcClient jdbc;

    BreakGlassStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(BreakGlassRequest request, byte[] reason) {
        jdbc.sql("""
                        INSERT INTO break_glass_request (id, subject_id, purpose, reason, requested_by, requested_at, status)
                        VALUES (?, ?, ?, ?, ?, ?, 'PENDING')""")
                .params(request.id().value(), request.subject().value(), request.purpose().value(), reason,
                        request.requestedBy(), utc(request.requestedAt()))
                .update();
    }

    /** The request, locked until the transaction ends. */
    Optional<Stored> findForUpdate(BreakGlassId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM break_glass_request WHERE id = ? FOR UPDATE")
                .param(id.value()).query(BreakGlassStore::stored).optional();
    }

    /** Records the decision of a PENDING request (approved or rejected). */
    void decide(BreakGlassRequest decided) {
        jdbc.sql("""
                        UPDATE break_glass_request SET status = ?, decided_by = ?, decided_at = ?, expires_at = ?
                        WHERE id = ? AND status = 'PENDING'""")
                .params(decided.status().name(), decided.decidedBy().orElseThrow(), utc(decided.decidedAt().orElseThrow()),
                        decided.expiresAt().map(BreakGlassStore::utc).orElse(null), decided.id().value())
                .update();
    }

    /** Records the review of an approved grant. */
    void review(BreakGlassRequest reviewed, Optional<byte[]> note) {
        BreakGlassRequest.Review review = reviewed.review().orElseThrow();
        jdbc.sql("""
                        UPDATE break_glass_request SET review_outcome = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?
                        WHERE id = ? AND status = 'APPROVED' AND reviewed_at IS NULL""")
                .params(review.outcome().name(), review.reviewedBy(), utc(review.reviewedAt()), note.orElse(null),
                        reviewed.id().value())
                .update();
    }

    /** PENDING requests for {@code purpose}, oldest first. */
    List<Stored> pending(PurposeCode purpose) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM break_glass_request WHERE status = 'PENDING' AND purpose = ?"
                        + " ORDER BY requested_at, id")
                .param(purpose.value()).query(BreakGlassStore::stored).list();
    }

    /** Approved grants not yet reviewed, oldest approval first. */
    List<Stored> unreviewed() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM break_glass_request WHERE status = 'APPROVED'"
                        + " AND reviewed_at IS NULL ORDER BY decided_at, id")
                .query(BreakGlassStore::stored).list();
    }

    /** Links the audit events {@code auditSequences} to the grant that permitted them. */
    void recordAccesses(BreakGlassId grant, List<Long> auditSequences) {
        for (long seq : auditSequences) {
            jdbc.sql("INSERT INTO break_glass_access (grant_id, audit_seq) VALUES (?, ?)")
                    .params(grant.value(), seq).update();
        }
    }

    /** The audited operations grant {@code id} permitted, in audit order. */
    List<GrantAccess> accesses(BreakGlassId id) {
        return jdbc.sql("""
                        SELECT e.seq, e.at, e.action, e.outcome FROM break_glass_access a
                        JOIN audit_event e ON e.seq = a.audit_seq WHERE a.grant_id = ? ORDER BY e.seq""")
                .param(id.value())
                .query((rs, n) -> new GrantAccess(rs.getLong("seq"), instant(rs, "at"), rs.getString("action"),
                        rs.getString("outcome")))
                .list();
    }

    /** The subject's approved grants that have not ended at {@code at}. */
    List<BreakGlassGrant> grants(SubjectId subject, Instant at) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM break_glass_request WHERE subject_id = ? AND status = 'APPROVED'"
                        + " AND expires_at > ? ORDER BY decided_at, id")
                .params(subject.value(), utc(at))
                .query(BreakGlassStore::stored).list()
                .stream().map(s -> s.request().grant().orElseThrow()).toList();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("review_outcome");
        Optional<BreakGlassRequest.Review> review = outcome == null ? Optional.empty()
                : Optional.of(new BreakGlassRequest.Review(rs.getString("reviewed_by"), instant(rs, "reviewed_at"),
                ReviewOutcome.valueOf(outcome)));
        BreakGlassRequest request = new BreakGlassRequest(new BreakGlassId(rs.getObject("id", UUID.class)),
                new SubjectId(rs.getObject("subject_id", UUID.class)), PurposeCode.of(rs.getString("purpose")),
                rs.getString("requested_by"), instant(rs, "requested_at"),
                BreakGlassStatus.valueOf(rs.getString("status")), Optional.ofNullable(rs.getString("decided_by")),
                optionalInstant(rs, "decided_at"), optionalInstant(rs, "expires_at"), review);
        return new Stored(request, rs.getBytes("reason"), Optional.ofNullable(rs.getBytes("review_note")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
