package org.safereg.registration.sharing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.UUID;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.AccessDecision;
import org.safereg.privacy.Action;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.sharing.AgreementRules;
import org.safereg.privacy.sharing.DataSharingAgreement;
import org.safereg.privacy.sharing.RecipientId;
import org.safereg.registration.FieldError;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.RequestContext;
import org.safereg.registration.UnknownReferenceException;
import org.safereg.registration.ValidationException;
import org.safereg.registration.audit.AccessGuard;
import org.safereg.registration.locations.LocationRepository;
import org.safereg.registration.model.IndividualValidator;
import org.safereg.registration.model.RegistrationStatus;
import org.safereg.registration.storage.HouseholdStore;
import org.safereg.registration.storage.IndividualStore;

/**
 * Transfers of personal data to a recipient outside the organisation (a partner system, a file export), action
 * TRANSFER under the request's declared purpose:
 * <ol>
 * <li>the policy decision point decides the transfer as a disclosure to the recipient, given the recipient's
 *     agreements that cover every requested field, read in the transfer's own transaction (an agreement revoked
 *     before it starts is never used): without an active one covering the purpose it denies
 *     ({@code NO_AGREEMENT}, audited with the recipient, nothing read); a permit names the agreement and the
 *     fields (the purpose's, narrowed to the agreement's);</li>
 * <li>requested fields outside the permit's are refused (validation error); without a request, every permitted
 *     transferable field is sent;</li>
 * <li>each subject is decided again with its recorded bases and the same disclosure
 *     ({@link AccessGuard.Trail#admits}): a subject without a valid basis for the purpose (no consent, refused,
 *     withdrawn, expired) is withheld: counted, audited DENIED with the recipient, nothing of theirs read; unknown,
 *     erased and not active registrations are counted as not found;</li>
 * <li>the others' data is read and projected to the fields, each audited SUCCESS with the recipient, and the
 *     transfer is recorded with the subjects it carried ({@link TransferLedger}), in the same transaction.</li>
 * </ol>
 *
 * <p>Thread-safe. Costs per subject one basis look-up, one KEK unwrap and a few SQL statements; one transaction
 * and one audit append for the whole transfer.
 */
public final class TransferService {
    /** Most subjects one transfer may name or select by admin unit. */
    public static final int MAX_SUBJECTS = 1000;

    private final AccessGuard guard;
    private final AgreementStore agreements;
    private final TransferLedger ledger;
    private final IndividualStore individuals;
    private final HouseholdStore households;
    private final LocationRepository locations;
    private final Clock clock;

    /** Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#transfers()}. */
    public TransferService(AccessGuard guard, AgreementStore agreements, TransferLedger ledger,
                           IndividualStore individuals, HouseholdStore households, LocationRepository locations,
                           Clock clock) {
        this.guard = guard;
        this.agreements = agreements;
        this.ledger = ledger;
        this.individuals = individuals;
        this.households = households;
        this.locations = locations;
        this.clock = clock;
    }

    /**
     * Transfers the subjects' data to the recipient (see the class description) and records it.
     *
     * @throws org.safereg.registration.AccessDeniedException no agreement, or the actor may not transfer under
     *         the declared purpose (audited DENIED)
     * @throws ValidationException malformed request, requested fields the permit does not allow, too many subjects
     * @throws UnknownReferenceException unknown admin unit
     */
    public TransferResult transfer(RequestContext context, TransferRequest request) {
        RecipientId recipient = AgreementService.recipient(request.recipient());
        Optional<Set<PersonalField>> requested = requestedFields(request.fields());
        List<SubjectId> named = namedSubjects(request);
        Supplier<List<DataSharingAgreement>> candidates = () -> agreements.list(Optional.of(recipient)).stream()
                .map(Agreement::terms)
                .filter(a -> requested.map(f -> a.fields().containsAll(f)).orElse(true))
                .toList();
        return guard.runDisclosure(context, Action.TRANSFER, recipient, candidates, trail -> {
            AccessDecision.Permit permit = trail.permit();
            DataSharingAgreement agreement = trail.agreement()
                    .orElseThrow(() -> new IllegalStateException("a disclosure was permitted without an agreement"));
            Set<PersonalField> allowed = EnumSet.noneOf(PersonalField.class);
            allowed.addAll(permit.fields());
            allowed.retainAll(agreement.fields());
            allowed.retainAll(AgreementRules.TRANSFERABLE);
            if (requested.isPresent() && !allowed.containsAll(requested.get())) {
                throw ValidationException.of("fields", "the declared purpose does not allow all requested fields");
            }
            Set<PersonalField> fields = requested.orElse(allowed);
            List<SubjectId> subjects = request.adminPcode().isPresent()
                    ? inAdminUnit(request.adminPcode().get())
                    : named;
            Map<SubjectId, RegistrationStatus> statuses = individuals.statuses(subjects);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<TransferredSubject> sent = new ArrayList<>();
            int withheld = 0;
            int notFound = 0;
            for (SubjectId subject : subjects) {
                if (statuses.get(subject) != RegistrationStatus.ACTIVE) {
                    notFound++;
                    continue;
                }
                if (!trail.admits(subject)) {
                    withheld++;
                    trail.withheld(subject, recipient);
                    continue;
                }
                sent.add(TransferredSubject.project(individuals.current(subject, false),
                        households.householdSizeOf(subject), fields));
                trail.disclosed(subject, recipient);
            }
            TransferRecord record = new TransferRecord(UUID.randomUUID(), agreement.id(), recipient,
                    permit.purpose(), fields, agreement.destinationCountry(), now, context.actor().username(),
                    permit.role().name(), context.requestId(), sent.size(), withheld, notFound);
            ledger.record(record, sent.stream().map(TransferredSubject::id).toList());
            return new TransferResult(record, sent);
        });
    }

    /**
     * The transfers that carried {@code subject}'s data, oldest first (action READ_HISTORY with the subject, e.g.
     * for the data protection officer under SUBJECT_REQUEST or AUDIT).
     */
    public List<TransferRecord> transfersOf(RequestContext context, SubjectId subject) {
        return guard.run(context, Action.READ_HISTORY, Optional.of(subject), trail -> {
            individuals.state(subject, false);
            trail.accessed(subject);
            return ledger.transfersOf(subject);
        });
    }

    /**
     * One transfer's record, without personal data (action AGREEMENT_MANAGE: agreement administration).
     *
     * @throws RecordNotFoundException no such transfer
     */
    public TransferRecord read(RequestContext context, UUID id) {
        return guard.run(context, Action.AGREEMENT_MANAGE, Optional.empty(), trail -> {
            TransferRecord record = ledger.find(id).orElseThrow(() -> new RecordNotFoundException("transfer"));
            trail.concerning(record.recipient());
            return record;
        });
    }

    private List<SubjectId> inAdminUnit(String pcode) {
        IndividualValidator.checkPcode("adminPcode", pcode);
        if (locations.subtree(pcode).isEmpty()) {
            throw new UnknownReferenceException("adminPcode", "unknown admin unit");
        }
        List<SubjectId> subjects = individuals.pageInLocation(pcode, 0, MAX_SUBJECTS + 1);
        if (subjects.size() > MAX_SUBJECTS) {
            throw ValidationException.of("adminPcode", "more than " + MAX_SUBJECTS
                    + " people are registered there: choose a smaller admin unit");
        }
        return subjects;
    }

    private static List<SubjectId> namedSubjects(TransferRequest request) {
        if (request.subjects().isPresent() == request.adminPcode().isPresent()) {
            throw ValidationException.of("subjects", "name either subjects or adminPcode");
        }
        if (request.adminPcode().isPresent()) {
            return List.of();
        }
        List<String> ids = request.subjects().get();
        if (ids.isEmpty() || ids.size() > MAX_SUBJECTS) {
            throw ValidationException.of("subjects", "1 to " + MAX_SUBJECTS + " person ids");
        }
        Set<SubjectId> subjects = new LinkedHashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            try {
                subjects.add(new SubjectId(UUID.fromString(ids.get(i))));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(new FieldError("subjects[" + i + "]", "not a person id"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return List.copyOf(subjects);
    }

    private static Optional<Set<PersonalField>> requestedFields(Optional<List<String>> names) {
        if (names.isEmpty()) {
            return Optional.empty();
        }
        Set<PersonalField> fields = EnumSet.noneOf(PersonalField.class);
        List<FieldError> errors = new ArrayList<>();
        List<String> list = names.get();
        for (int i = 0; i < list.size(); i++) {
            Optional<PersonalField> field = list.get(i) == null ? Optional.empty() : AgreementService.field(list.get(i));
            field.ifPresent(fields::add);
            if (field.isEmpty()) {
                errors.add(new FieldError("fields[" + i + "]", "unknown field"));
            }
        }
        if (list.isEmpty()) {
            errors.add(new FieldError("fields", "name at least one field, or leave fields out"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return Optional.of(fields);
    }
}
