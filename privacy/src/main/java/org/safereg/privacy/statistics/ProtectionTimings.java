package org.safereg.privacy.statistics;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the time of {@link TableProtector#protect} went, for the release register and benchmarks.
 *
 * @param suppression primary and secondary suppression, repair rounds included
 * @param audit every run of the {@link SuppressionAudit}
 * @param repairRounds how many times the audit found an under-protected cell and suppression was widened
 */
public record ProtectionTimings(Duration suppression, Duration audit, int repairRounds) {
    public ProtectionTimings {
        Objects.requireNonNull(suppression);
        Objects.requireNonNull(audit);
        if (repairRounds < 0) {
            throw new IllegalArgumentException("repair rounds are counted from 0");
        }
    }
}
