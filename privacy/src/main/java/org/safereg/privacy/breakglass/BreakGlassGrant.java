package org.safereg.privacy.breakglass;

import java.time.Instant;
import java.util.Objects;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PurposeCode;

/**
 * An approved break-glass request: {@code requestedBy} may process {@code subject}'s data for {@code purpose}
 * on the basis of vital interest, without consent, from {@code approvedAt} until {@code expiresAt}.
 * {@code approvedBy} is always a different user from {@code requestedBy}.
 */
public record BreakGlassGrant(BreakGlassId id, SubjectId subject, PurposeCode purpose, String requestedBy,
                              String approvedBy, Instant approvedAt, Instant expiresAt) {
    public BreakGlassGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(approvedAt, "approvedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (requestedBy.equals(approvedBy)) {
            throw new IllegalArgumentException("a break-glass request cannot be approved by its requester");
        }
    }

    /** Whether the grant lets {@code username} process for {@code purpose} at {@code at}. */
    public boolean allows(String username, PurposeCode purpose, Instant at) {
        return requestedBy.equals(username) && this.purpose.equals(purpose)
                && !at.isBefore(approvedAt) && at.isBefore(expiresAt);
    }
}
