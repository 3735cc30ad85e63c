package org.safereg.registration.rights;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.safereg.keys.SubjectId;
import org.safereg.registration.biometrics.BiometricRecords;
import org.safereg.registration.consent.ConsentHistory;
import org.safereg.registration.model.Individual;
import org.safereg.registration.model.IndividualVersion;
import org.safereg.registration.model.RegistrationState;
import org.safereg.registration.storage.HouseholdStore;

/**
 * Everything held about one subject (interested-person access), decrypted, and the list of accesses to their
 * data taken from the audit trail. Holds nothing about other people: household memberships name the household,
 * not its other members; the adjudication case gives the number of candidates, not who they are; disclosures
 * give role, purpose, action, time and outcome, not the staff account.
 *
 * @param state registration status (ACTIVE, PENDING_ADJUDICATION, DUPLICATE) and the duplicate link
 * @param versions every version, oldest first, with who changed it, when and why
 * @param fingerprints capture metadata (positions, format, resolution, time); no image or template
 * @param consents every consent record (decrypted), withdrawal and the current standing per purpose
 * @param sections data held by other parts of the core ({@link ExportSection}), by section name
 * @param disclosures every audited access naming the subject, oldest first (up to, not including, this export)
 */
public record SubjectExport(SubjectId subject, Instant exportedAt, RegistrationState state, Individual current,
                            List<IndividualVersion> versions, List<HouseholdStore.Membership> households,
                            List<BiometricRecords.Capture> fingerprints, Optional<BiometricRecords.Case> adjudication,
                            ConsentHistory consents, Map<String, Object> sections, List<AccessEvent> disclosures) {
    public SubjectExport {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(current, "current");
        versions = List.copyOf(versions);
        households = List.copyOf(households);
        fingerprints = List.copyOf(fingerprints);
        Objects.requireNonNull(adjudication, "adjudication");
        Objects.requireNonNull(consents, "consents");
        sections = new TreeMap<>(sections);
        disclosures = List.copyOf(disclosures);
    }

    /**
     * One audited access to the subject's data.
     *
     * @param role the role the access was permitted under (for a denial: the roles the account held)
     * @param outcome SUCCESS, DENIED, NOT_FOUND or FAILED
     */
    public record AccessEvent(Instant at, String role, String purpose, String action, String outcome) {
    }
}
