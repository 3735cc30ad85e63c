package org.safereg.registration.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An identity document.
 *
 * @param number the number as written on the document; look-up ignores case, spaces, dashes, dots and slashes
 * @param issuingCountry ISO 3166-1 alpha-3 code of the issuer (or XXA/XXB/XXC/XXX), if known
 */
public record IdentityDocument(DocumentType type, String number, Optional<String> issuingCountry) {
    public IdentityDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(number, "number");
        issuingCountry = Models.orEmpty(issuingCountry);
    }

    public static IdentityDocument of(DocumentType type, String number, String issuingCountry) {
        return new IdentityDocument(type, number, Optional.ofNullable(issuingCountry));
    }

    /** The number in its look-up form: upper case, without spaces, dashes, dots or slashes. */
    public static String normaliseNumber(String number) {
        return DocumentNumbers.normalise(number);
    }
}
