package org.safereg.privacy.audit;

import java.util.Optional;

/**
 * Result of verifying the audit chain.
 *
 * @param rowsChecked rows read
 * @param firstBadSequence the first sequence number at which the chain breaks, if any
 * @param problem what is wrong (edited row, missing row, reordered rows, checkpoint mismatch, bad signature)
 */
public record AuditVerification(long rowsChecked, long checkpointsChecked, Optional<Long> firstBadSequence,
                                Optional<String> problem) {
    public boolean intact() {
        return problem.isEmpty();
    }
}
