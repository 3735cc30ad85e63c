package org.safereg.registration.breakglass;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited operation a break-glass grant permitted, for the data protection officer's review.
 *
 * @param auditSequence the audit event's sequence number (its place in the hash chain)
 * @param action the operation ({@link org.safereg.privacy.Action} name)
 * @param outcome the audit outcome (SUCCESS, or NOT_FOUND for a search found nothing)
 */
public record GrantAccess(long auditSequence, Instant at, String action, String outcome) {
    public GrantAccess {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
