package org.safereg.registration.consent;

import java.time.Instant;
import java.util.Objects;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.consent.ConsentId;

/**
 * A withdrawal of consent for one purpose, effective from {@code withdrawnAt} for all future processing.
 *
 * @param consent the consent record whose answer for the purpose was withdrawn
 */
public record Withdrawal(ConsentId consent, PurposeCode purpose, Instant withdrawnAt) {
    public Withdrawal {
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(withdrawnAt, "withdrawnAt");
    }
}
