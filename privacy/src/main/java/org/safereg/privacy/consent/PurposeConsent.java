package org.safereg.privacy.consent;

import java.time.Period;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.safereg.keys.DataCategory;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.sharing.RecipientId;

/**
 * The answer for one purpose of a consent record: on which legal basis, for which data categories, to which
 * recipients outside the organisation, kept how long, and the status (GIVEN or REFUSED when collected; a later
 * withdrawal is recorded as a new entry with status WITHDRAWN). A non-consent basis (e.g. PUBLIC_INTEREST_MANDATE)
 * is recorded with status GIVEN.
 *
 * @param categories at least one data category (BIOMETRIC for fingerprints)
 * @param retention how long the data may be kept for this purpose, if stated (else the purpose's default)
 */
public record PurposeConsent(PurposeCode purpose, LegalBasis basis, Set<DataCategory> categories,
                             Set<RecipientId> recipients, Optional<Period> retention, ConsentStatus status) {
    public PurposeConsent {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(basis, "basis");
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException("a purpose consent names at least one data category");
        }
        categories = Set.copyOf(EnumSet.copyOf(categories));
        recipients = recipients == null ? Set.of() : Set.copyOf(recipients);
        retention = retention == null ? Optional.empty() : retention;
        Objects.requireNonNull(status, "status");
        retention.ifPresent(p -> {
            if (p.isNegative() || p.isZero()) {
                throw new IllegalArgumentException("retention must be positive");
            }
        });
    }
}
