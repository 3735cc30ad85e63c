package org.safereg.privacy.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.safereg.privacy.Pseudonym;
import org.safereg.privacy.sharing.RecipientId;

/**
 * One audited access to personal data. Never contains a personal value: the subject appears only as its
 * audit-domain pseudonym.
 *
 * @param actor account name of the user
 * @param role the role under which the access was decided (or the user's roles, comma-separated, on denial)
 * @param purpose the declared purpose as sent (may be empty)
 * @param action what was done (see {@code org.safereg.privacy.Action}), or another stable action name
 * @param requestId correlation id of the HTTP request
 * @param recipient the organisation outside ours the data went to (a transfer under a data-sharing agreement),
 *                  or the recipient an agreement operation concerned; empty for processing inside the
 *                  organisation
 */
public record AuditEvent(Instant at, String actor, String role, String purpose, String action,
                         Optional<Pseudonym> subject, String requestId, AuditOutcome outcome,
                         Optional<RecipientId> recipient) {
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(recipient, "recipient");
    }

    /** An event of processing inside the organisation (no recipient). */
    public AuditEvent(Instant at, String actor, String role, String purpose, String action,
                      Optional<Pseudonym> subject, String requestId, AuditOutcome outcome) {
        this(at, actor, role, purpose, action, subject, requestId, outcome, Optional.empty());
    }
}
