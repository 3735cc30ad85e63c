package org.safereg.api.protection;

import static org.safereg.registration.testing.TestConsents.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import org.safereg.api.security.AccountConflictException;
import org.safereg.api.security.AccountService;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.api.support.Samples;
import org.safereg.keys.DataCategory;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.Role;
import org.safereg.privacy.consent.ConsentStatus;
import org.safereg.privacy.consent.PurposeConsent;
import org.safereg.registration.testing.TestConsents;

/** People and accounts of the protection tests. */
final class ProtectionFixtures {
    /** A second protection officer, to approve the first one's break-glass requests. */
    static final String SECOND_OFFICER = "protection2";

    private ProtectionFixtures() {
    }

    /** Creates {@link #SECOND_OFFICER} (once per database) with the test password convention. */
    static void createSecondOfficer(AccountService accounts, String password) {
        try {
            accounts.create(SECOND_OFFICER, Set.of(Role.PROTECTION_OFFICER));
            accounts.changePassword(SECOND_OFFICER, password);
        } catch (AccountConflictException exists) {
            // created by an earlier test of this JVM
        }
    }

    /**
     * Enrols {@code details} as the registration officer with consent given for REG.ENROL and {@code purposes}
     * only (no PROT.CASE unless listed); returns the new id.
     */
    static String enrolConsentingTo(ApiClient registrar, Map<String, Object> details, String... purposes) {
        List<PurposeConsent> answers = new ArrayList<>();
        answers.add(answer("REG.ENROL", LegalBasis.CONSENT, ConsentStatus.GIVEN));
        for (String purpose : purposes) {
            // consent to case notes names their data category (a consent covers only the categories it names)
            answers.add(purpose.equals("PROT.CASE_NOTES")
                    ? new PurposeConsent(PurposeCode.of(purpose), LegalBasis.CONSENT,
                            Set.of(DataCategory.DEMOGRAPHIC, DataCategory.CASE_NOTES), Set.of(), Optional.empty(),
                            ConsentStatus.GIVEN)
                    : answer(purpose, LegalBasis.CONSENT, ConsentStatus.GIVEN));
        }
        ApiClient.Response r = registrar.purpose("REG.ENROL").post("/api/v1/individuals",
                Samples.enrolment(details, TestConsents.json(answers)));
        if (r.status() != 201) {
            throw new AssertionError("enrolment failed: " + r);
        }
        return r.json().get("id").asString();
    }

    /** Enrols a sample person who consented to REG.ENROL only. */
    static String unconsented(ApiClient registrar) {
        return enrolConsentingTo(registrar, Samples.individual("Amal", "Farah", Samples.passport()));
    }

    static ApiClient registrar(ApiClient anonymous) {
        return ApiIntegrationTest.signedIn(anonymous, Role.REGISTRATION_OFFICER);
    }
}
