package org.safereg.registration.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Search by document number (exact after normalisation), optionally narrowed by document type and issuer.
 */
public record DocumentQuery(String number, Optional<DocumentType> type, Optional<String> issuingCountry) {
    public DocumentQuery {
        Objects.requireNonNull(number, "number");
        type = Models.orEmpty(type);
        issuingCountry = Models.orEmpty(issuingCountry);
    }

    public static DocumentQuery number(String number) {
        return new DocumentQuery(number, Optional.empty(), Optional.empty());
    }
}
