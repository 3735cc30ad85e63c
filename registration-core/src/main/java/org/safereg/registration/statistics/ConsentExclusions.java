package org.safereg.registration.statistics;

import java.util.List;
import java.util.UUID;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PseudonymDomain;
import org.safereg.privacy.Pseudonymizer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who a statistical release leaves out because of their consent (internal): active individuals whose latest answer
 * for any statistical purpose ({@value #STATISTICAL_PURPOSES}: STATS.OPS, STATS.PUBLIC, ...) is WITHDRAWN, or
 * REFUSED (an objection recorded at enrolment or later). Withdrawing from statistics under one purpose withdraws
 * from every statistical output: the outputs of different purposes describe the same people and can be combined.
 * Named by their STATISTICS pseudonyms, the key of the projection (which holds no subject id). Erased persons need
 * no exclusion: erasure deletes their projection row. Runs in the caller's transaction, so it sees the consent
 * state the release is counted on. Cost: an index scan of the withdrawals and refusals (a partial index), the
 * latest answer of each such person and purpose (an index look-up), one pseudonym (about a microsecond) per
 * excluded person.
 */
final class ConsentExclusions {
    /** The purposes whose withdrawal excludes a person from every statistical release (a LIKE pattern). */
    static final String STATISTICAL_PURPOSES = "STATS.%";

    private ConsentExclusions() {
    }

    /** The STATISTICS pseudonyms (lower-case hex) of the persons excluded from statistical releases. */
    static List<String> of(JdbcClient jdbc, Pseudonymizer pseudonyms) {
        return jdbc.sql("""
                        SELECT DISTINCT o.subject_id FROM (
                            SELECT DISTINCT subject_id, purpose FROM consent_purpose
                            WHERE purpose LIKE ? AND status IN ('WITHDRAWN', 'REFUSED')) o
                        JOIN individual i ON i.id = o.subject_id AND i.status = 'ACTIVE'
                        WHERE (SELECT p.status FROM consent_purpose p
                               WHERE p.subject_id = o.subject_id AND p.purpose = o.purpose
                               ORDER BY p.recorded_at DESC, p.seq DESC LIMIT 1) IN ('WITHDRAWN', 'REFUSED')""")
                .param(STATISTICAL_PURPOSES)
                .query(UUID.class).list().stream()
                .map(id -> pseudonyms.of(PseudonymDomain.STATISTICS, new SubjectId(id)).hex())
                .toList();
    }
}
