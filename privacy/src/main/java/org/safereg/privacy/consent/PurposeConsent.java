package org.safereg.privacy.consent;

import java.time.Period;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.safereg.keys.DataCategory;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PurposeCatalogue;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.sharing.RecipientId;

/**
 * The answer for one purpose of a consent record: on which legal basis, for which data categories, to which
 * recipients outside the organisation, kept how long, and the status (GIVEN or REFUSED when collected; a later
 * withdrawal is recorded as a new entry with status WITHDRAWN). A non-consent basis (e.g. PUBLIC_INTEREST_MANDATE)
 * is recorded with status GIVEN. VITAL_INTEREST is never a declared answer: it is relied on only under an approved
 * break-glass grant (four-eyes, time limit, review), so a declaration naming it is refused; so is a prohibited
 * purpose ({@link PurposeCatalogue#PROHIBITED}).
 *
 * @param categories at least one data category (BIOMETRIC for fingerprints)
 * @param recipients organisations outside ours the data may be disclosed to for this purpose (codes; empty: none)
 * @param retention how long the data may be kept for this purpose, if stated (else the purpose's default)
 */
public record PurposeConsent(PurposeCode purpose, LegalBasis basis, Set<DataCategory> categories,
                             Set<RecipientId> recipients, Optional<Period> retention, ConsentStatus status) {
    public PurposeConsent {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(basis, "basis");
        if (basis == LegalBasis.VITAL_INTEREST) {
            throw new IllegalArgumentException("vital interest cannot be declared: it is relied on only under an"
                    + " approved break-glass grant");
        }
        if (PurposeCatalogue.PROHIBITED.contains(purpose)) {
            throw new IllegalArgumentException("a prohibited purpose cannot be consented to");
        }
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
