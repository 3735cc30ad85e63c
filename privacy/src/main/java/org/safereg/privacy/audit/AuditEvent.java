package org.safereg.privacy.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.safereg.privacy.Pseudonym;

/**
 * One audited access to personal data. Never contains a personal value: the subject appears only as its
 * audit-domain pseudonym.
 *
 * @param actor account name of the user
 * @param role the role under which the access was decided (or the user's roles, comma-separated, on denial)
 * @param purpose the declared purpose as sent (may be empty)
 * @param action what was done (see {@code org.safereg.privacy.Action}), or another stable action name
 * @param requestId correlation id of the HTTP request
 */
public record AuditEvent(Instant at, String actor, String role, String purpose, String action,
                         Optional<Pseudonym> subject, String requestId, AuditOutcome outcome) {
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
