package org.safereg.registration.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Look-up form of document numbers: NFKC, upper case, without whitespace, dashes, dots and slashes. */
final class DocumentNumbers {
    private static final Pattern IGNORED = Pattern.compile("[\\s\\p{Pd}./\\\\]+");

    private DocumentNumbers() {
    }

    static String normalise(String number) {
        String s = Normalizer.normalize(number, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        return IGNORED.matcher(s).replaceAll("");
    }
}
