package org.safereg.registration.individuals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.Action;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.SubjectBases;
import org.safereg.privacy.consent.ConsentDeclaration;
import org.safereg.privacy.consent.ConsentId;
import org.safereg.privacy.consent.ConsentRecord;
import org.safereg.registration.AccessDeniedException;
import org.safereg.registration.IdempotencyConflictException;
import org.safereg.registration.Page;
import org.safereg.registration.PageRequest;
import org.safereg.registration.RecordIntegrityException;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.RequestContext;
import org.safereg.registration.SubjectErasedException;
import org.safereg.registration.UnknownReferenceException;
import org.safereg.registration.ValidationException;
import org.safereg.registration.VersionConflictException;
import org.safereg.registration.audit.AccessGuard;
import org.safereg.registration.consent.ConsentStore;
import org.safereg.registration.locations.LocationRepository;
import org.safereg.registration.locations.ResolvedLocation;
import org.safereg.registration.model.Birth;
import org.safereg.registration.model.DocumentQuery;
import org.safereg.registration.model.EnrolmentResult;
import org.safereg.registration.model.ErasureResult;
import org.safereg.registration.model.HouseholdId;
import org.safereg.registration.model.IdempotencyKey;
import org.safereg.registration.model.IdentityDocument;
import org.safereg.registration.model.Individual;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.IndividualValidator;
import org.safereg.registration.model.IndividualVersion;
import org.safereg.registration.model.RegistrationStatus;
import org.safereg.registration.rights.ErasedItem;
import org.safereg.registration.rights.ErasureLedger;
import org.safereg.registration.rights.ErasureReceipt;
import org.safereg.registration.rights.ErasureReceipts;
import org.safereg.registration.rights.SignedErasureReceipt;
import org.safereg.registration.storage.HouseholdStore;
import org.safereg.registration.storage.IdempotencyStore;
import org.safereg.registration.storage.IndividualStore.IndexKind;
import org.safereg.registration.storage.IndividualStore;
import org.safereg.registration.storage.JsonCodec;

/**
 * Enrolment, reading, versioned update, history, search, listing and erasure of individuals.
 *
 * <p>Every method first asks the policy decision point (actor x declared purpose x action). A denial is audited
 * (outcome DENIED) in its own transaction and thrown as {@link AccessDeniedException}; nothing is read or
 * written. A permitted call does its work and appends its audit events (subject as AUDIT-domain pseudonym) in
 * the same database transaction, so an unaudited read or write never happens. Every individual returned is
 * {@linkplain Individual#projectedTo projected} to the fields the permit allows. Calls that fail with a
 * {@link org.safereg.registration.RegistrationException} are audited as NOT_FOUND (not found, erased) or FAILED.
 * Infrastructure failures (database, key provider) propagate unchanged and nothing is written.
 *
 * <p>Thread-safe. Costs: one KEK unwrap per individual read or written (per result for searches and lists), a
 * few SQL statements, and one serialised append on the audit chain head per transaction.
 */
public final class IndividualService {
    static final String ENROL_OPERATION = "individual.enrol";

    private final AccessGuard guard;
    private final IndividualStore store;
    private final HouseholdStore households;
    private final LocationRepository locations;
    private final IdempotencyStore idempotency;
    private final ConsentStore consents;
    private final Clock clock;
    private final ErasureListener erasure;
    private final ErasureReceipts receipts;

    /** Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#individuals()}. */
    public IndividualService(AccessGuard guard, IndividualStore store, HouseholdStore households,
                             LocationRepository locations, IdempotencyStore idempotency, ConsentStore consents,
                             Clock clock, ErasureListener erasure, ErasureReceipts receipts) {
        this.consents = consents;
        this.guard = guard;
        this.store = store;
        this.households = households;
        this.locations = locations;
        this.idempotency = idempotency;
        this.clock = clock;
        this.erasure = erasure;
        this.receipts = receipts;
    }

    /** What an idempotent enrolment's retry must repeat exactly. */
    private record EnrolmentRequest(IndividualDetails details, ConsentDeclaration consent) {
    }

    /**
     * Enrols a new individual (action ENROL) with the consent collected at enrolment (recorded as the subject's
     * first consent record; the ENROL audit event covers it). Refused with {@link AccessDeniedException} (NO_CONSENT,
     * CONSENT_EXPIRED) and nothing written unless the consent gives a valid basis for REG.ENROL. With an idempotency key, a retry of the same request (same actor,
     * key and details) returns the first result with {@code replayed = true}, also when both run concurrently;
     * the same key with different details throws {@link IdempotencyConflictException}.
     *
     * @throws ValidationException invalid details (paths relative to the details)
     * @throws UnknownReferenceException unknown admin unit or site
     */
    public EnrolmentResult enrol(RequestContext context, ConsentDeclaration consent, IndividualDetails details,
                                 Optional<IdempotencyKey> idempotencyKey) {
        Objects.requireNonNull(consent, "consent");
        Instant now = now();
        SubjectId id = SubjectId.random();
        ConsentRecord record = new ConsentRecord(ConsentId.random(), id, context.actor().username(), now, consent);
        return guard.runEnrolment(context, Action.ENROL, id, new SubjectBases(record.basisRecords(), List.of()), trail -> {
            LocalDate today = today(now);
            IndividualValidator.check(details, today);
            IndividualDetails complete = details.withEstimatedAgeDatedOn(today);
            ResolvedLocation location = locations.resolve(complete.location().orElseThrow(), "");
            if (idempotencyKey.isPresent()) {
                Optional<UUID> earlier = idempotency.claim(context.actor().username(), idempotencyKey.get(),
                        ENROL_OPERATION, JsonCodec.encode(new EnrolmentRequest(details, consent)), id.value(), now);
                if (earlier.isPresent()) {
                    SubjectId first = new SubjectId(earlier.get());
                    trail.accessed(first);
                    return new EnrolmentResult(first, 1, true);
                }
            }
            store.create(id, complete, location, context.actor().username(), now, today);
            consents.append(store.open(id), record);
            trail.accessed(id);
            return new EnrolmentResult(id, 1, false);
        });
    }

    /**
     * Reads the current version (action READ).
     *
     * @throws RecordNotFoundException no such individual
     * @throws SubjectErasedException the individual was erased
     * @throws RecordIntegrityException a stored ciphertext failed authentication (tampering)
     */
    public Individual read(RequestContext context, SubjectId id) {
        return guard.run(context, Action.READ, Optional.of(id), trail -> {
            Individual individual = store.current(id, false);
            trail.accessed(id);
            return individual.projectedTo(trail.fields());
        });
    }

    /**
     * Stores a new version (action UPDATE), recording who, when and why. Only the fields the permit lets the caller
     * see ({@code trail.fields()} of the declared purpose) are taken from {@code details}; every other field keeps
     * its current stored value (a caller cannot clear or overwrite what it cannot see). The merged details are
     * validated as a whole.
     *
     * @param expectedVersion the version the change is based on (optimistic concurrency)
     * @param reason why the change is made (1..500 characters; stored encrypted)
     * @throws VersionConflictException the individual is no longer at {@code expectedVersion}
     * @throws RecordNotFoundException no such individual
     * @throws SubjectErasedException the individual was erased
     */
    public Individual update(RequestContext context, SubjectId id, int expectedVersion, IndividualDetails details,
                             String reason) {
        return guard.run(context, Action.UPDATE, Optional.of(id), trail -> {
            Instant now = now();
            LocalDate today = today(now);
            IndividualDetails merged = store.current(id, true).details().withFieldsFrom(details, trail.fields());
            IndividualValidator.check(merged, today);
            IndividualValidator.checkReason(reason);
            IndividualDetails complete = merged.withEstimatedAgeDatedOn(today);
            ResolvedLocation location = locations.resolve(complete.location().orElseThrow(), "");
            Individual updated = store.update(id, expectedVersion, complete, location, reason,
                    context.actor().username(), now, today, households.householdSizeOf(id));
            trail.accessed(id);
            return updated.projectedTo(trail.fields());
        });
    }

    /**
     * All versions, oldest first (action READ_HISTORY).
     *
     * @throws RecordNotFoundException no such individual
     * @throws SubjectErasedException the individual was erased
     */
    public List<IndividualVersion> history(RequestContext context, SubjectId id) {
        return guard.run(context, Action.READ_HISTORY, Optional.of(id), trail -> {
            List<IndividualVersion> versions = store.history(id);
            trail.accessed(id);
            return versions.stream().map(v -> v.projectedTo(trail.fields())).toList();
        });
    }

    /**
     * Individuals whose current version holds a document with this number (normalised: case, spaces, dashes,
     * dots and slashes ignored), narrowed by type and issuer when given (action SEARCH). Uses the document
     * blind index, then decrypts and re-checks every candidate, so no false positive is returned. Erased
     * individuals are never found, nor those without a valid basis for the declared purpose (the policy decision
     * point decides per candidate, before anything of theirs is decrypted). Each returned individual is audited; no result is audited as NOT_FOUND.
     */
    public List<Individual> searchByDocument(RequestContext context, DocumentQuery query) {
        return guard.run(context, Action.SEARCH, Optional.empty(), trail -> {
            IndividualValidator.check(query);
            String number = IdentityDocument.normaliseNumber(query.number());
            return matching(store.findByIndex(IndexKind.DOCUMENT, store.documentIndex(query.number())), trail,
                    i -> i.details().documents().stream().anyMatch(d ->
                            IdentityDocument.normaliseNumber(d.number()).equals(number)
                                    && query.type().map(t -> t == d.type()).orElse(true)
                                    && query.issuingCountry().map(c -> d.issuingCountry().equals(Optional.of(c))).orElse(true)));
        });
    }

    /**
     * Individuals whose current version has this full name (given and family names in any order, ignoring
     * case, diacritics and punctuation) and this exact date of birth (action SEARCH). Individuals with only
     * an estimated age are not found by this search.
     */
    public List<Individual> searchByNameAndBirthDate(RequestContext context, String fullName, LocalDate dateOfBirth) {
        return guard.run(context, Action.SEARCH, Optional.empty(), trail -> {
            IndividualValidator.checkNameSearch(fullName, dateOfBirth, today(now()));
            String name = IndividualValidator.normaliseName(fullName);
            return matching(store.findByIndex(IndexKind.NAME_DOB, store.nameAndBirthDateIndex(name, dateOfBirth)),
                    trail, i -> i.details().names().normalisedFullName().equals(name)
                            && i.details().birth().flatMap(Birth::dateOfBirth).equals(Optional.of(dateOfBirth)));
        });
    }

    /**
     * Individuals whose current location is the admin unit {@code adminPcode} or inside it (any level below),
     * ordered by id, paged (action LIST). Unknown P-codes throw {@link UnknownReferenceException}. Individuals
     * without a valid basis for the declared purpose are left out of the page (decided per subject); the total
     * counts the area's active registrations.
     */
    public Page<Individual> listByLocation(RequestContext context, String adminPcode, PageRequest page) {
        return guard.run(context, Action.LIST, Optional.empty(), trail -> {
            IndividualValidator.checkPcode("adminPcode", adminPcode);
            Set<String> subtree = locations.subtree(adminPcode);
            if (subtree.isEmpty()) {
                throw new UnknownReferenceException("adminPcode", "unknown admin unit");
            }
            long total = store.countInLocation(adminPcode);
            List<Individual> items = matching(store.pageInLocation(adminPcode, page.offset(), page.size()), trail,
                    i -> IndividualStore.within(i.details().location(), subtree));
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    /**
     * Erases the individual by crypto-shredding (action ERASE): destroys their data keys (all categories),
     * deletes their blind index rows, statistical projection row, idempotency records, fingerprint captures and
     * whatever else the other parts of the core hold ({@link ErasureListener}), withdraws their open adjudication
     * case, ends their household membership (the household stays with its other members, without a head if the
     * head is erased) and marks them ERASED, keeping a tombstone without personal data; once committed, removes
     * them from the fingerprint gallery. Cases of others that list them as a candidate stay open (the candidate
     * shows as ERASED and cannot be chosen as the existing person). Afterwards every read path answers
     * {@link SubjectErasedException} and no biometric search finds them.
     *
     * <p>The erasure commits with its {@linkplain SignedErasureReceipt signed receipt} or not at all (the signature
     * needs the key provider). Idempotent: erasing an erased individual returns the receipt issued then.
     *
     * @throws RecordNotFoundException no such individual
     */
    public ErasureResult erase(RequestContext context, SubjectId id) {
        return erase(context, id, subject -> true).orElseThrow();
    }

    /**
     * As {@link #erase}, only if {@code due} still holds for an individual not yet erased when tested: inside the
     * erasure's transaction, after the individual's row is locked, so nothing written for them under that lock
     * (a consent record, a withdrawal) can slip between the test and the erasure. When {@code due} answers false
     * nothing is erased, the call is audited NOT_FOUND, and the result is empty. For retention.
     *
     * @param due read-only test in the erasure's transaction (it may query the database)
     * @throws RecordNotFoundException no such individual
     */
    public Optional<ErasureResult> eraseIf(RequestContext context, SubjectId id, Predicate<SubjectId> due) {
        Objects.requireNonNull(due, "due");
        return erase(context, id, due);
    }

    private Optional<ErasureResult> erase(RequestContext context, SubjectId id, Predicate<SubjectId> due) {
        Optional<ErasureResult> result = guard.run(context, Action.ERASE, Optional.of(id), trail -> {
            Instant now = now();
            // the row lock first: consent and household writes wait for it, then see ERASED
            boolean erasedBefore = store.state(id, true).status() == RegistrationStatus.ERASED;
            if (!erasedBefore && !due.test(id)) {
                trail.nothingFound();
                return Optional.<ErasureResult>empty();
            }
            ErasureLedger ledger = new ErasureLedger();
            if (households.removeErased(id, context.actor().username(), now)) {
                ledger.removed(ErasedItem.HOUSEHOLD_MEMBERSHIPS_ENDED, 1);
            }
            List<HouseholdId> everIn = households.householdsEverOf(id);
            ledger.removed(ErasedItem.CONSENT_RECORDS, consents.delete(id));
            IndividualStore.Erasure erased = store.erase(id, ledger);
            int idempotencyRecords = idempotency.deleteForResult(id.value());
            for (HouseholdId household : everIn) {
                idempotencyRecords += idempotency.deleteForResult(household.value());
            }
            ledger.removed(ErasedItem.IDEMPOTENCY_RECORDS, idempotencyRecords);
            erasure.erasing(id, ledger);
            trail.accessed(id);
            Optional<SignedErasureReceipt> earlier = erased.alreadyErased() ? receipts.find(id) : Optional.empty();
            SignedErasureReceipt receipt = earlier.orElseGet(() -> receipts.issue(ErasureReceipt.of(id, now,
                    context.actor().username(), PurposeCode.of(context.declaredPurpose().orElseThrow()).value(),
                    AccessGuard.recordedRequestId(context), erased.alreadyErased(), ledger)));
            return Optional.of(new ErasureResult(id, erased.keysDestroyed(), erased.alreadyErased(), receipt));
        });
        if (result.isPresent()) {
            erasure.erased(id);
        }
        return result;
    }

    private List<Individual> matching(List<SubjectId> candidates, AccessGuard.Trail trail,
                                      Predicate<Individual> recheck) {
        List<Individual> found = new ArrayList<>();
        for (SubjectId candidate : candidates) {
            if (!trail.admits(candidate)) {
                continue;
            }
            Individual individual = store.current(candidate, false);
            if (recheck.test(individual)) {
                trail.accessed(candidate);
                found.add(individual.projectedTo(trail.fields()));
            }
        }
        if (found.isEmpty()) {
            trail.nothingFound();
        }
        return found;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, clock.getZone());
    }
}
