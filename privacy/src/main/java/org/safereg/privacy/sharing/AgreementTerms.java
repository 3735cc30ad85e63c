package org.safereg.privacy.sharing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PurposeCode;

/**
 * The terms of a data-sharing agreement as the data protection officer records them, before they are checked
 * ({@link AgreementRules#violations}) and stored: the recipient organisation (code and name), the purposes and
 * fields it covers, its validity window, the destination country of a transborder transfer (ISO 3166-1 alpha-3),
 * the legal basis of the disclosure and who signed it. Not personal data of subjects.
 */
public record AgreementTerms(RecipientId recipient, String recipientName, Set<PurposeCode> purposes,
                             Set<PersonalField> fields, Instant validFrom, Instant validUntil,
                             Optional<String> destinationCountry, LegalBasis legalBasis, String signatory) {
    public AgreementTerms {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(recipientName, "recipientName");
        purposes = Set.copyOf(purposes);
        fields = Set.copyOf(fields);
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(destinationCountry, "destinationCountry");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(signatory, "signatory");
    }

    /** Whether the agreement allows a transfer across borders (it names a destination country). */
    public boolean transborder() {
        return destinationCountry.isPresent();
    }

    /**
     * The agreement these terms make once recorded under {@code id} (valid terms only: throws
     * {@link IllegalArgumentException} if {@code validUntil} is not after {@code validFrom}).
     */
    public DataSharingAgreement toAgreement(AgreementId id, Optional<Instant> revokedAt) {
        return new DataSharingAgreement(id, recipient, purposes, fields, validFrom, validUntil, destinationCountry,
                legalBasis, signatory, revokedAt);
    }
}
