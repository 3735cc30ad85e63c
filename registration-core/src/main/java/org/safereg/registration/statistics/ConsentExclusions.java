package org.safereg.registration.statistics;

import java.util.List;
import java.util.UUID;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PseudonymDomain;
import org.safereg.privacy.Pseudonymizer;
import org.safereg.privacy.PurposeCode;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who a release leaves out because of their consent (internal): active individuals whose latest answer for the
 * release's purpose is WITHDRAWN, or REFUSED (an objection recorded at enrolment or later), named by their
 * STATISTICS pseudonyms, the key of the projection (which holds no subject id). Erased persons need no exclusion:
 * erasure deletes their projection row. Runs in the caller's transaction, so it sees the consent state the
 * release is counted on. Cost: an index scan of the purpose's withdrawals and refusals (a partial index), the
 * latest answer of each such person (an index look-up), one pseudonym (about a microsecond) per excluded person.
 */
final class ConsentExclusions {
    private ConsentExclusions() {
    }

    /** The STATISTICS pseudonyms (lower-case hex) of the persons excluded from a release for {@code purpose}. */
    static List<String> of(JdbcClient jdbc, Pseudonymizer pseudonyms, PurposeCode purpose) {
        return jdbc.sql("""
                        SELECT o.subject_id FROM (
                            SELECT DISTINCT subject_id FROM consent_purpose
                            WHERE purpose = ? AND status IN ('WITHDRAWN', 'REFUSED')) o
                        JOIN individual i ON i.id = o.subject_id AND i.status = 'ACTIVE'
                        WHERE (SELECT p.status FROM consent_purpose p WHERE p.subject_id = o.subject_id AND p.purpose = ?
                               ORDER BY p.recorded_at DESC, p.seq DESC LIMIT 1) IN ('WITHDRAWN', 'REFUSED')""")
                .params(purpose.value(), purpose.value())
                .query(UUID.class).list().stream()
                .map(id -> pseudonyms.of(PseudonymDomain.STATISTICS, new SubjectId(id)).hex())
                .toList();
    }
}
