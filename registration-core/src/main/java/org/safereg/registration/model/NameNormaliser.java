package org.safereg.registration.model;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Normal form of a full name for exact look-up: Unicode NFKD, combining marks removed, a few letters that do
 * not decompose folded (ß, æ, œ, ø, ł, đ, ı, þ), lower case, apostrophes removed, any other non-letter,
 * non-digit as a separator, tokens sorted and joined by one space. Stateless, thread-safe.
 */
final class NameNormaliser {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u02bc\u02bb`\u00b4]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Map<String, String> FOLDS = Map.of(
            "ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "ł", "l", "đ", "d", "ı", "i", "þ", "th", "ð", "d");

    private NameNormaliser() {
    }

    static String normalise(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String c = Character.toString(cp);
            folded.append(FOLDS.getOrDefault(c, c));
        });
        s = APOSTROPHES.matcher(folded).replaceAll("");
        return Arrays.stream(SEPARATORS.split(s))
                .filter(t -> !t.isEmpty())
                .sorted()
                .collect(Collectors.joining(" "));
    }
}
