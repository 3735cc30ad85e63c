package org.safereg.registration.retention;

import java.time.Instant;
import java.util.Objects;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.consent.ConsentStatus;

/**
 * Why one recorded basis no longer allows keeping a subject's data.
 *
 * @param since when it ended (the withdrawal or refusal, the end of validity, or the end of the purpose's retention
 *              period counted from when the basis was recorded)
 */
public record ExpiredBasis(PurposeCode purpose, LegalBasis basis, ConsentStatus status, Reason reason, Instant since) {
    /** Why a basis ended. */
    public enum Reason {
        /** The latest record for the purpose withdraws consent. */
        WITHDRAWN,
        /** The latest record for the purpose refuses consent. */
        REFUSED,
        /** The basis was given until a date that has passed (consent expired, or a non-consent basis's validity). */
        VALIDITY_ENDED,
        /** The purpose's retention period, counted from when the basis was recorded, has passed. */
        RETENTION_ENDED
    }

    public ExpiredBasis {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
    }
}
