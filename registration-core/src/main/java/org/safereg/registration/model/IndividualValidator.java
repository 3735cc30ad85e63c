package org.safereg.registration.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.safereg.registration.FieldError;
import org.safereg.registration.ValidationException;

/**
 * Checks field values of individuals and the other request models, collecting every error with its path.
 * Required fields depend on the {@link RegistrationMethod}: RAPID_EMERGENCY needs a name, a population category
 * and a location; FULL and BIOMETRIC also need a given name, sex, birth and at least one nationality.
 * Text may be in any script but not contain control characters, invisible format characters (bidirectional
 * overrides, zero-width spaces; the zero-width joiner and non-joiner are allowed), unassigned code points or
 * unpaired surrogates, each reported with its own message. Reference data
 * (P-codes, sites) is checked for form here and for existence by the services.
 * Stateless and thread-safe.
 */
public final class IndividualValidator {
    /** Maximum length of each name field. */
    public static final int MAX_NAME = 200;
    /** Maximum length of a change reason. */
    public static final int MAX_REASON = 500;
    public static final int MAX_AGE = 130;
    public static final int MAX_DOCUMENTS = 20;
    public static final int MAX_NATIONALITIES = 5;

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,19}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{2,29}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[\\p{L}\\p{N}]{1,50}");
    private static final Set<String> COUNTRIES;
    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    static {
        Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        codes.addAll(List.of("XXA", "XXB", "XXC", "XXX"));
        COUNTRIES = Set.copyOf(codes);
    }

    private IndividualValidator() {
    }

    /** Throws {@link ValidationException} listing every problem of {@code details}, given today's date. */
    public static void check(IndividualDetails details, LocalDate today) {
        throwIfAny(validate(details, today, ""));
    }

    /** Every problem of {@code details}, paths prefixed by {@code prefix} (e.g. {@code members[2].details.}). */
    public static List<FieldError> validate(IndividualDetails details, LocalDate today, String prefix) {
        Errors e = new Errors(prefix);
        boolean full = details.registrationMethod() != RegistrationMethod.RAPID_EMERGENCY;
        Names n = details.names();
        e.optionalText("names.givenName", n.givenName(), MAX_NAME, false);
        e.optionalText("names.familyName", n.familyName(), MAX_NAME, false);
        e.optionalText("names.otherNames", n.otherNames(), MAX_NAME, false);
        if (n.givenName().isEmpty() && n.familyName().isEmpty()) {
            e.add("names", "a given name or a family name is required");
        } else if (n.normalisedFullName().isEmpty()) {
            e.add("names", "must contain at least one letter or digit");
        }
        if (full && n.givenName().isEmpty()) {
            e.add("names.givenName", "is required for " + details.registrationMethod() + " registration");
        }
        if (full && details.sex().isEmpty()) {
            e.add("sex", "is required for " + details.registrationMethod() + " registration");
        }
        if (details.birth().isPresent()) {
            birth(e, details.birth().get(), today);
        } else if (full) {
            e.add("birth", "is required for " + details.registrationMethod() + " registration");
        }
        nationalities(e, details.nationalities(), full);
        documents(e, details.documents());
        if (details.populationCategory().isEmpty()) {
            e.add("populationCategory", "is required");
        }
        if (details.location().isPresent()) {
            LocationRef l = details.location().get();
            e.code("location.adminPcode", l.adminPcode());
            l.siteId().ifPresent(s -> e.code("location.siteId", s));
        } else {
            e.add("location", "is required");
        }
        details.contact().ifPresent(c -> contact(e, c));
        return e.errors;
    }

    /** Checks a change reason (required, 1..500 characters of text). */
    public static void checkReason(String reason) {
        Errors e = new Errors("");
        e.requiredText("reason", reason, MAX_REASON, false);
        throwIfAny(e.errors);
    }

    /** Checks the form of an admin unit (code form, level 0..3, parent present exactly for levels 1..3). */
    public static void check(AdminUnit unit) {
        Errors e = new Errors("");
        e.code("pcode", unit.pcode());
        e.requiredText("name", unit.name(), MAX_NAME, false);
        if (unit.level() < 0 || unit.level() > AdminUnit.MAX_LEVEL) {
            e.add("level", "must be between 0 and " + AdminUnit.MAX_LEVEL);
        }
        if (unit.level() == 0 && unit.parentPcode().isPresent()) {
            e.add("parentPcode", "must be absent for level 0");
        }
        if (unit.level() > 0) {
            unit.parentPcode().ifPresentOrElse(p -> e.code("parentPcode", p),
                    () -> e.add("parentPcode", "is required for levels 1 to " + AdminUnit.MAX_LEVEL));
        }
        throwIfAny(e.errors);
    }

    /** Checks the form of a site. */
    public static void check(Site site) {
        Errors e = new Errors("");
        e.code("id", site.id());
        e.requiredText("name", site.name(), MAX_NAME, false);
        e.code("adminPcode", site.adminPcode());
        throwIfAny(e.errors);
    }

    /** Checks a document search. */
    public static void check(DocumentQuery query) {
        Errors e = new Errors("");
        documentNumber(e, "number", query.number());
        query.issuingCountry().ifPresent(c -> e.country("issuingCountry", c));
        throwIfAny(e.errors);
    }

    /** Checks a name + date of birth search. */
    public static void checkNameSearch(String fullName, LocalDate dateOfBirth, LocalDate today) {
        Errors e = new Errors("");
        e.requiredText("fullName", fullName, 2 * MAX_NAME + 1, false);
        if (fullName != null && NameNormaliser.normalise(fullName).isEmpty()) {
            e.add("fullName", "must contain at least one letter or digit");
        }
        if (dateOfBirth == null) {
            e.add("dateOfBirth", "is required");
        } else if (dateOfBirth.isAfter(today)) {
            e.add("dateOfBirth", "must not be in the future");
        }
        throwIfAny(e.errors);
    }

    /** Checks the form of a P-code given as a query parameter. */
    public static void checkPcode(String path, String pcode) {
        Errors e = new Errors("");
        e.code(path, pcode);
        throwIfAny(e.errors);
    }

    /** The normalised full name of a free-text name query (see {@link Names#normalisedFullName()}). */
    public static String normaliseName(String fullName) {
        return NameNormaliser.normalise(fullName);
    }

    /**
     * The first problem with the characters of {@code value}, if any: an unpaired surrogate; a control character
     * (line breaks and tabs allowed in multi-line text); an invisible format character (Unicode category Cf:
     * bidirectional embeddings, overrides and isolates, which can make text display differently from what is
     * stored, zero-width spaces, the byte-order mark, soft hyphens), except the zero-width joiner and non-joiner
     * that Indic and Persian spelling needs; an unassigned code point or a noncharacter (in this JVM's Unicode
     * version).
     */
    private static Optional<String> characterProblem(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); ) {
            char ch = value.charAt(i);
            if (Character.isSurrogate(ch) && !(Character.isHighSurrogate(ch) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1)))) {
                return Optional.of("must not contain unpaired surrogates (malformed text)");
            }
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean allowedBreak = multiLine && (cp == '\n' || cp == '\r' || cp == '\t');
            if (type == Character.CONTROL && !allowedBreak) {
                return Optional.of("must not contain control characters");
            }
            if (type == Character.FORMAT && cp != ZERO_WIDTH_NON_JOINER && cp != ZERO_WIDTH_JOINER) {
                return Optional.of("must not contain invisible formatting characters (such as bidirectional"
                        + " overrides or zero-width spaces)");
            }
            if (type == Character.UNASSIGNED) {
                return Optional.of("must not contain unassigned code points or noncharacters");
            }
        }
        return Optional.empty();
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void birth(Errors e, Birth b, LocalDate today) {
        if (b.dateOfBirth().isPresent() == b.estimatedAge().isPresent()) {
            e.add("birth", "exactly one of dateOfBirth and estimatedAge is required");
        }
        b.dateOfBirth().ifPresent(d -> {
            if (d.isAfter(today)) {
                e.add("birth.dateOfBirth", "must not be in the future");
            } else if (d.isBefore(today.minusYears(MAX_AGE + 1))) {
                e.add("birth.dateOfBirth", "implies an age over " + MAX_AGE);
            }
        });
        b.estimatedAge().ifPresent(a -> {
            if (a < 0 || a > MAX_AGE) {
                e.add("birth.estimatedAge", "must be between 0 and " + MAX_AGE);
            }
        });
        b.estimatedAgeOn().ifPresent(d -> {
            if (b.estimatedAge().isEmpty()) {
                e.add("birth.estimatedAgeOn", "only goes with estimatedAge");
            } else if (d.isAfter(today)) {
                e.add("birth.estimatedAgeOn", "must not be in the future");
            }
        });
    }

    private static void nationalities(Errors e, List<String> codes, boolean required) {
        if (required && codes.isEmpty()) {
            e.add("nationalities", "at least one is required (XXX if unspecified)");
        }
        if (codes.size() > MAX_NATIONALITIES) {
            e.add("nationalities", "at most " + MAX_NATIONALITIES);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String c = codes.get(i);
            e.country("nationalities[" + i + "]", c);
            if (c != null && !seen.add(c)) {
                e.add("nationalities[" + i + "]", "is listed twice");
            }
        }
    }

    private static void documents(Errors e, List<IdentityDocument> documents) {
        if (documents.size() > MAX_DOCUMENTS) {
            e.add("documents", "at most " + MAX_DOCUMENTS);
        }
        for (int i = 0; i < documents.size(); i++) {
            IdentityDocument d = documents.get(i);
            documentNumber(e, "documents[" + i + "].number", d.number());
            int index = i;
            d.issuingCountry().ifPresent(c -> e.country("documents[" + index + "].issuingCountry", c));
        }
    }

    private static void documentNumber(Errors e, String path, String number) {
        if (e.requiredText(path, number, 100, false)
                && !DOCUMENT_NUMBER.matcher(DocumentNumbers.normalise(number)).matches()) {
            e.add(path, "must have 1 to 50 letters or digits (spaces, dashes, dots and slashes are ignored)");
        }
    }

    private static void contact(Errors e, Contact c) {
        c.phone().ifPresent(p -> {
            if (e.requiredText("contact.phone", p, 30, false) && !PHONE.matcher(p).matches()) {
                e.add("contact.phone", "must be digits with an optional leading + and separators");
            }
        });
        c.email().ifPresent(m -> {
            if (e.requiredText("contact.email", m, 254, false) && !EMAIL.matcher(m).matches()) {
                e.add("contact.email", "must be an e-mail address");
            }
        });
        e.optionalText("contact.address", c.address(), 500, true);
    }

    /** Error collector with a path prefix. */
    private static final class Errors {
        private final String prefix;
        private final List<FieldError> errors = new ArrayList<>();

        Errors(String prefix) {
            this.prefix = prefix;
        }

        void add(String path, String message) {
            errors.add(new FieldError(prefix + path, message));
        }

        void optionalText(String path, Optional<String> value, int max, boolean multiLine) {
            value.ifPresent(v -> requiredText(path, v, max, multiLine));
        }

        /** Returns whether the text passed. */
        boolean requiredText(String path, String value, int max, boolean multiLine) {
            if (value == null || value.isBlank()) {
                add(path, "must not be blank");
                return false;
            }
            if (value.codePointCount(0, value.length()) > max) {
                add(path, "must be at most " + max + " characters");
                return false;
            }
            Optional<String> problem = characterProblem(value, multiLine);
            problem.ifPresent(message -> add(path, message));
            return problem.isEmpty();
        }

        void code(String path, String value) {
            if (value == null || !CODE.matcher(value).matches()) {
                add(path, "must be 2 to 20 characters of A-Z, 0-9, '-' and '_', starting with a letter or digit");
            }
        }

        void country(String path, String value) {
            if (value == null || !COUNTRIES.contains(value)) {
                add(path, "must be an ISO 3166-1 alpha-3 code or XXA, XXB, XXC, XXX");
            }
        }
    }
}
