package org.safereg.api.support;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safereg.registration.biometrics.FingerprintCapture;
import org.safereg.registration.testing.TestConsents;

/** JSON bodies for enrolment requests (as maps, serialised by {@link ApiClient}). */
public final class Samples {
    private Samples() {
    }

    /** A FULL registration in ZZ0101 / ZZ-S1 with one passport. */
    public static Map<String, Object> individual(String given, String family, String passport) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registrationMethod", "FULL");
        m.put("names", Map.of("givenName", given, "familyName", family));
        m.put("sex", "FEMALE");
        m.put("birth", Map.of("dateOfBirth", "1990-04-12"));
        m.put("nationalities", List.of("SOM"));
        m.put("documents", List.of(Map.of("type", "PASSPORT", "number", passport, "issuingCountry", "SOM")));
        m.put("populationCategory", "IDP");
        m.put("location", Map.of("adminPcode", "ZZ0101", "siteId", "ZZ-S1"));
        m.put("specificNeeds", List.of("DISABILITY"));
        m.put("contact", Map.of("phone", "+252 61 555 0100"));
        return m;
    }

    /** The consent used by the tests' enrolments: the standard test consent (common purposes, explicit biometric). */
    public static Map<String, Object> consent() {
        return TestConsents.standardJson();
    }

    /** An individual enrolment body: {@code {"details": details, "consent": the standard consent}}. */
    public static Map<String, Object> enrolment(Map<String, Object> details) {
        return enrolment(details, consent());
    }

    /** An individual enrolment body with the given consent. */
    public static Map<String, Object> enrolment(Map<String, Object> details, Map<String, Object> consent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("details", details);
        m.put("consent", consent);
        return m;
    }

    /** The {@code fingerprints} of a biometric request: position, dpi and the image in base64. */
    public static List<Map<String, Object>> fingerprints(List<FingerprintCapture> captures) {
        return captures.stream().map(c -> Map.<String, Object>of("position", c.position().name(), "dpi", c.dpi(),
                "image", Base64.getEncoder().encodeToString(c.image()))).toList();
    }

    /** A biometric enrolment body: the sample individual and the captures. */
    public static Map<String, Object> biometricEnrolment(String given, List<FingerprintCapture> captures) {
        return Map.of("details", individual(given, "Biometric", passport()), "fingerprints", fingerprints(captures),
                "consent", consent());
    }

    /** A unique-enough passport number for one test. */
    public static String passport() {
        return "P" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }
}
