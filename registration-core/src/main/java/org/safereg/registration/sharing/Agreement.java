package org.safereg.registration.sharing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.safereg.privacy.sharing.DataSharingAgreement;

/**
 * A recorded data-sharing agreement: its terms as the policy decision point reads them, the recipient's name,
 * who recorded it and when, and, once revoked, who revoked it and why. Not personal data of subjects.
 */
public record Agreement(DataSharingAgreement terms, String recipientName, Instant createdAt, String createdBy,
                        Optional<String> revokedBy, Optional<String> revocationReason) {
    public Agreement {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(recipientName, "recipientName");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(revokedBy, "revokedBy");
        Objects.requireNonNull(revocationReason, "revocationReason");
    }

    /** ACTIVE, PENDING (not yet in force), EXPIRED or REVOKED at {@code at}. */
    public AgreementState stateAt(Instant at) {
        if (terms.revokedAt().filter(r -> !r.isAfter(at)).isPresent()) {
            return AgreementState.REVOKED;
        }
        if (at.isBefore(terms.validFrom())) {
            return AgreementState.PENDING;
        }
        return terms.activeAt(at) ? AgreementState.ACTIVE : AgreementState.EXPIRED;
    }
}
