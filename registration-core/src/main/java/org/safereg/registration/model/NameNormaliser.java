package org.safereg.registration.model;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Normal form of a full name for exact look-up:
 * <ol>
 * <li>Unicode NFKD (compatibility forms unified, accents split from their letters);</li>
 * <li>combining marks dropped only where they sit on a Latin, Greek or Cyrillic letter ("José" and "Jose",
 *     "Ελένη" and "ΕΛΕΝΗ" meet), or on no letter at all. Elsewhere marks are kept, because in Indic and other
 *     abugida scripts a vowel sign or virama changes the name ("राम" and "रम" stay distinct) and in Arabic
 *     script hamza and madda distinguish letters; the exception is the optional Arabic vowel marks (harakat,
 *     U+064B to U+0652, and the superscript alef U+0670), which names are usually written without, so
 *     "مُحَمَّد" and "محمد" meet;</li>
 * <li>zero-width joiner and non-joiner removed (they change how letters join, not which letters they are);</li>
 * <li>NFC, lower case, a few Latin letters that do not decompose folded (ß, æ, œ, ø, ł, đ, ı, þ, ð);</li>
 * <li>apostrophes removed; any other character that is not a letter, mark or digit separates tokens;
 *     tokens sorted and joined by one space.</li>
 * </ol>
 * Stateless, thread-safe.
 */
final class NameNormaliser {
    private static final Set<UnicodeScript> MARKS_STRIPPED =
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.GREEK, UnicodeScript.CYRILLIC);
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u02bc\u02bb`\u00b4]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
    private static final Map<String, String> FOLDS = Map.of(
            "ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "ł", "l", "đ", "d", "ı", "i", "þ", "th", "ð", "d");
    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private NameNormaliser() {
    }

    static String normalise(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        boolean dropMarks = true;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ZERO_WIDTH_NON_JOINER || cp == ZERO_WIDTH_JOINER) {
                continue;
            }
            if (isMark(cp)) {
                if (dropMarks || isOptionalArabicVowelMark(cp)) {
                    continue;
                }
            } else {
                dropMarks = !Character.isLetter(cp) || MARKS_STRIPPED.contains(UnicodeScript.of(cp));
            }
            kept.appendCodePoint(cp);
        }
        String s = Normalizer.normalize(kept, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
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

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isOptionalArabicVowelMark(int cp) {
        return (cp >= 0x064B && cp <= 0x0652) || cp == 0x0670;
    }
}
