package org.safereg.registration.rights;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.Action;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PseudonymDomain;
import org.safereg.privacy.sharing.RecipientId;
import org.safereg.privacy.Pseudonymizer;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.RequestContext;
import org.safereg.registration.SubjectErasedException;
import org.safereg.registration.audit.AccessGuard;
import org.safereg.registration.audit.AuditLog;
import org.safereg.registration.biometrics.BiometricRecords;
import org.safereg.registration.consent.ConsentHistory;
import org.safereg.registration.consent.ConsentStore;
import org.safereg.registration.model.RegistrationState;
import org.safereg.registration.model.RegistrationStatus;
import org.safereg.registration.storage.HouseholdStore;
import org.safereg.registration.storage.IndividualStore;

/**
 * Interested-person access for the data protection officer (purpose SUBJECT_REQUEST): the complete export of one
 * subject with their disclosure list, and the signed receipt of an erasure. Decided and audited like every
 * personal-data operation (action SUBJECT_EXPORT; the export's own event names the subject, so it appears in
 * the next export). Rectification is {@link org.safereg.registration.individuals.IndividualService#update} under
 * SUBJECT_REQUEST; erasure is {@link org.safereg.registration.individuals.IndividualService#erase}.
 *
 * <p>Thread-safe. An export costs two KEK unwraps (DEMOGRAPHIC, and BIOMETRIC when an adjudication reason is
 * stored), one decryption per version, and one indexed read of the audit trail.
 */
public final class SubjectRightsService {
    private final AccessGuard guard;
    private final IndividualStore individuals;
    private final HouseholdStore households;
    private final BiometricRecords biometrics;
    private final ConsentStore consents;
    private final AuditLog audit;
    private final Pseudonymizer pseudonyms;
    private final ErasureReceipts receipts;
    private final List<ExportSection> sections;
    private final Clock clock;

    /** Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#subjectRights()}. */
    public SubjectRightsService(AccessGuard guard, IndividualStore individuals, HouseholdStore households,
                                BiometricRecords biometrics, ConsentStore consents, AuditLog audit,
                                Pseudonymizer pseudonyms,
                                ErasureReceipts receipts, List<ExportSection> sections, Clock clock) {
        this.guard = guard;
        this.individuals = individuals;
        this.households = households;
        this.biometrics = biometrics;
        this.consents = consents;
        this.audit = audit;
        this.pseudonyms = pseudonyms;
        this.receipts = receipts;
        this.sections = List.copyOf(sections);
        this.clock = clock;
    }

    /**
     * Everything held about the subject (action SUBJECT_EXPORT). The export is complete or refused: a purpose
     * that covers SUBJECT_EXPORT but does not see every personal field is denied (ACTION_NOT_COVERED), so no
     * partial export can pass for the whole.
     *
     * @throws RecordNotFoundException no such individual
     * @throws SubjectErasedException the individual was erased (their erasure receipt is {@link #erasureReceipt})
     */
    public SubjectExport export(RequestContext context, SubjectId id) {
        return guard.run(context, Action.SUBJECT_EXPORT, Optional.of(id), trail -> {
            trail.requireFields(PersonalField.values());
            RegistrationState state = individuals.state(id, false);
            if (state.status() == RegistrationStatus.ERASED) {
                throw new SubjectErasedException();
            }
            Map<String, Object> more = new TreeMap<>();
            sections.forEach(s -> more.put(s.name(), s.read(id)));
            List<SubjectExport.AccessEvent> disclosures = audit.eventsNaming(pseudonyms.of(PseudonymDomain.AUDIT, id))
                    .stream()
                    .map(e -> new SubjectExport.AccessEvent(e.event().at(), e.event().role(), e.event().purpose(),
                            e.event().action(), e.event().outcome().name(),
                            e.event().recipient().map(RecipientId::value)))
                    .toList();
            SubjectExport export = new SubjectExport(id, now(), state, individuals.current(id, false),
                    individuals.history(id), households.membershipsOf(id), biometrics.captures(id),
                    biometrics.caseOf(id), new ConsentHistory(consents.records(individuals.open(id), id),
                    consents.withdrawals(id), consents.currentBases(id)), more, disclosures);
            trail.accessed(id);
            return export;
        });
    }

    /**
     * The signed receipt of the subject's erasure (action SUBJECT_EXPORT), to hand it over again.
     *
     * @throws RecordNotFoundException no such individual, or not erased (or erased before receipts existed)
     */
    public SignedErasureReceipt erasureReceipt(RequestContext context, SubjectId id) {
        return guard.run(context, Action.SUBJECT_EXPORT, Optional.of(id), trail -> {
            SignedErasureReceipt receipt = receipts.find(id)
                    .orElseThrow(() -> new RecordNotFoundException("erasure receipt"));
            trail.accessed(id);
            return receipt;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
