package org.safereg.registration.model;

import java.util.Optional;

/**
 * A person's names as written (any script). At least one of given or family name is required.
 *
 * @param givenName given name(s), as written
 * @param familyName family name(s), as written
 * @param otherNames other names (aliases, names at birth), as written
 */
public record Names(Optional<String> givenName, Optional<String> familyName, Optional<String> otherNames) {
    public Names {
        givenName = Models.orEmpty(givenName);
        familyName = Models.orEmpty(familyName);
        otherNames = Models.orEmpty(otherNames);
    }

    public static Names of(String givenName, String familyName) {
        return new Names(Optional.ofNullable(givenName), Optional.ofNullable(familyName), Optional.empty());
    }

    /**
     * The normalised full name (given and family names) used for name search: Unicode NFKD, accents removed from
     * Latin, Greek and Cyrillic letters (other scripts keep their marks, which can distinguish names), lower
     * case, punctuation as spaces, whitespace collapsed, tokens sorted, so that "Núñez María" and "MARIA NUNEZ"
     * have the same form while "राम" and "रम" do not (details in the package-private {@code NameNormaliser}).
     */
    public String normalisedFullName() {
        return NameNormaliser.normalise(givenName.orElse("") + " " + familyName.orElse(""));
    }
}
