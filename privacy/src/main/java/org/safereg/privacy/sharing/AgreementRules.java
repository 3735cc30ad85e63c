package org.safereg.privacy.sharing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.PurposeCatalogue;

/**
 * The rules a data-sharing agreement must satisfy before it is recorded. Pure functions; thread-safe; no I/O.
 * <ul>
 * <li>recipient name and signatory: 1 to {@value #MAX_TEXT} characters, no control characters;</li>
 * <li>purposes: at least one; none {@linkplain PurposeCatalogue#PROHIBITED prohibited}; each a purpose the
 *     catalogue allows to be disclosed (it covers the TRANSFER action);</li>
 * <li>fields: at least one, all {@linkplain #TRANSFERABLE transferable};</li>
 * <li>validity: {@code validUntil} after {@code validFrom} and after now, at most {@link #MAX_VALIDITY};</li>
 * <li>destination country, when present: an ISO 3166-1 alpha-3 code assigned to a country.</li>
 * </ul>
 */
public final class AgreementRules {
    /** Longest recipient name or signatory accepted. */
    public static final int MAX_TEXT = 200;
    /** Longest validity window of one agreement: it must be renewed (re-signed) after that. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(5 * 366);
    /**
     * Fields an agreement may cover. Never change history (reasons may describe the person and name staff),
     * biometrics (shared only through a separate, biometric-specific arrangement, not this export) or
     * protection case notes.
     */
    public static final Set<PersonalField> TRANSFERABLE = Set.copyOf(EnumSet.complementOf(EnumSet.of(
            PersonalField.CHANGE_HISTORY, PersonalField.BIOMETRICS, PersonalField.CASE_NOTES)));

    private static final Set<String> ALPHA3 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    private AgreementRules() {
    }

    /**
     * Every rule {@code terms} break, in a stable order (empty if none).
     *
     * @param disclosable whether the purpose catalogue allows disclosure to recipients for a purpose
     * @param now the time the agreement would be recorded
     */
    public static List<Violation> violations(AgreementTerms terms, Predicate<PurposeCode> disclosable, Instant now) {
        List<Violation> violations = new ArrayList<>();
        text(violations, "recipientName", terms.recipientName());
        text(violations, "signatory", terms.signatory());
        if (terms.purposes().isEmpty()) {
            violations.add(new Violation("purposes", "name at least one purpose"));
        }
        terms.purposes().stream().sorted(Comparator.comparing(PurposeCode::value)).forEach(purpose -> {
            if (PurposeCatalogue.PROHIBITED.contains(purpose)) {
                violations.add(new Violation("purposes", purpose.value() + " is a prohibited purpose"));
            } else if (!disclosable.test(purpose)) {
                violations.add(new Violation("purposes",
                        purpose.value() + " is not a purpose for which data may be disclosed to recipients"));
            }
        });
        if (terms.fields().isEmpty()) {
            violations.add(new Violation("fields", "name at least one field"));
        }
        terms.fields().stream().sorted().filter(f -> !TRANSFERABLE.contains(f)).forEach(field ->
                violations.add(new Violation("fields", field.name() + " may not be transferred under an agreement")));
        if (!terms.validUntil().isAfter(terms.validFrom())) {
            violations.add(new Violation("validUntil", "must be after validFrom"));
        } else if (Duration.between(terms.validFrom(), terms.validUntil()).compareTo(MAX_VALIDITY) > 0) {
            violations.add(new Violation("validUntil", "an agreement may run at most five years"));
        }
        if (!terms.validUntil().isAfter(now)) {
            violations.add(new Violation("validUntil", "must be in the future"));
        }
        terms.destinationCountry().filter(c -> !isCountryCode(c)).ifPresent(c ->
                violations.add(new Violation("destinationCountry", "must be an ISO 3166-1 alpha-3 country code")));
        return List.copyOf(violations);
    }

    /** Whether {@code code} is an ISO 3166-1 alpha-3 code assigned to a country (upper case, e.g. KEN). */
    public static boolean isCountryCode(String code) {
        return code != null && code.length() == 3 && code.equals(code.toUpperCase(Locale.ROOT)) && ALPHA3.contains(code);
    }

    private static void text(List<Violation> violations, String path, String value) {
        if (value.isBlank()) {
            violations.add(new Violation(path, "must not be blank"));
        } else if (value.length() > MAX_TEXT) {
            violations.add(new Violation(path, "at most " + MAX_TEXT + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation(path, "must not contain control characters"));
        }
    }
}
