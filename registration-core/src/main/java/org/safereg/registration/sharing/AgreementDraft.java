package org.safereg.registration.sharing;

import java.util.List;
import java.util.Optional;

/**
 * The terms of a new agreement as submitted (raw values, checked by {@link AgreementService#create}): recipient
 * organisation code (e.g. {@code WFP-SO}) and name, purpose codes, field names ({@link
 * org.safereg.privacy.PersonalField} names, e.g. {@code NAMES}), validity as ISO-8601 instants or dates (a date
 * means its start, UTC), the ISO 3166-1 alpha-3 destination country of a transborder transfer, the legal basis
 * ({@link org.safereg.privacy.LegalBasis} name) and the signatory. Null values are reported as missing.
 */
public record AgreementDraft(String recipient, String recipientName, List<String> purposes, List<String> fields,
                             String validFrom, String validUntil, Optional<String> destinationCountry,
                             String legalBasis, String signatory) {
    public AgreementDraft {
        purposes = purposes == null ? List.of() : purposes.stream().map(p -> p == null ? "" : p).toList();
        fields = fields == null ? List.of() : fields.stream().map(f -> f == null ? "" : f).toList();
        destinationCountry = destinationCountry == null ? Optional.empty() : destinationCountry;
    }
}
