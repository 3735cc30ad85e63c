package org.safereg.privacy.sharing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PurposeCode;

/**
 * A data-sharing agreement with a recipient organisation: which purposes and fields it covers, when, on which
 * legal basis, signed by whom, and, for a transfer across borders, the destination country (ISO 3166-1
 * alpha-3). Not personal data. An agreement is active from {@code validFrom} (inclusive) until
 * {@code validUntil} (exclusive) unless revoked earlier.
 */
public record DataSharingAgreement(AgreementId id, RecipientId recipient, Set<PurposeCode> purposes,
                                   Set<PersonalField> fields, Instant validFrom, Instant validUntil,
                                   Optional<String> destinationCountry, LegalBasis legalBasis, String signatory,
                                   Optional<Instant> revokedAt) {
    public DataSharingAgreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipient, "recipient");
        purposes = Set.copyOf(purposes);
        fields = Set.copyOf(fields);
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(destinationCountry, "destinationCountry");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(signatory, "signatory");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("validUntil must be after validFrom");
        }
    }

    /** Whether the agreement is in force at {@code at}. */
    public boolean activeAt(Instant at) {
        Instant end = revokedAt.filter(r -> r.isBefore(validUntil)).orElse(validUntil);
        return !at.isBefore(validFrom) && at.isBefore(end);
    }

    /** Whether the agreement is in force at {@code at} and covers {@code purpose}. */
    public boolean covers(PurposeCode purpose, Instant at) {
        return activeAt(at) && purposes.contains(purpose);
    }
}
