package org.safereg.privacy.consent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.safereg.keys.DataCategory;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.sharing.RecipientId;

/**
 * The subject's current standing for one purpose, as the policy decision point reads it: the latest entry for
 * that purpose in the subject's append-only consent records. A consent-based basis is valid when
 * {@code status} is GIVEN and {@code validUntil} has not passed; a non-consent basis (recorded with status
 * GIVEN) is valid until {@code validUntil}.
 *
 * @param categories the data categories the basis covers (a consent-based basis lets the purpose see only the
 *                   fields of these categories; a biometric action needs BIOMETRIC here, and a consent-based basis
 *                   for biometrics must be EXPLICIT_CONSENT)
 * @param recipients the organisations outside ours the subject agreed their data may be disclosed to for this
 *                   purpose (organisation codes; empty: none). A disclosure relying on a consent-based basis is
 *                   allowed only to these.
 * @param recordedAt when this entry was recorded (consent collected, updated or withdrawn)
 * @param validUntil end of validity (consent expiry), if any
 */
public record BasisRecord(PurposeCode purpose, LegalBasis basis, ConsentStatus status,
                          Set<DataCategory> categories, Set<RecipientId> recipients, Instant recordedAt,
                          Optional<Instant> validUntil) {
    public BasisRecord {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(status, "status");
        categories = Set.copyOf(categories);
        recipients = Set.copyOf(recipients);
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    /** A standing that names no recipient outside the organisation. */
    public BasisRecord(PurposeCode purpose, LegalBasis basis, ConsentStatus status, Set<DataCategory> categories,
                       Instant recordedAt, Optional<Instant> validUntil) {
        this(purpose, basis, status, categories, Set.of(), recordedAt, validUntil);
    }
}
