package org.safereg.registration.individuals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.safereg.keys.SubjectId;
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
import org.safereg.registration.model.DocumentQuery;
import org.safereg.registration.model.EnrolmentResult;
import org.safereg.registration.model.ErasureResult;
import org.safereg.registration.model.IdempotencyKey;
import org.safereg.registration.model.Individual;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.IndividualVersion;

/**
 * Enrolment, reading, versioned update, history, search, listing and erasure of individuals.
 *
 * <p>Every method first asks the policy decision point (actor x declared purpose x action). A denial is audited
 * (outcome DENIED) in its own transaction and thrown as {@link AccessDeniedException}; nothing is read or
 * written. A permitted call does its work and appends its audit events (subject as AUDIT-domain pseudonym) in
 * the same database transaction, so an unaudited read or write never happens. Calls that fail with a
 * {@link org.safereg.registration.RegistrationException} are audited as NOT_FOUND (not found, erased) or FAILED.
 * Infrastructure failures (database, key provider) propagate unchanged and nothing is written.
 *
 * <p>Thread-safe. Costs: one KEK unwrap per individual read or written (per result for searches and lists), a
 * few SQL statements, and one serialised append on the audit chain head per transaction.
 */
public final class IndividualService {

    IndividualService() {
    }

    /**
     * Enrols a new individual (action ENROL). With an idempotency key, a retry of the same request (same actor,
     * key and details) returns the first result with {@code replayed = true}, also when both run concurrently;
     * the same key with different details throws {@link IdempotencyConflictException}.
     *
     * @throws ValidationException invalid details (paths relative to the details)
     * @throws UnknownReferenceException unknown admin unit or site
     */
    public EnrolmentResult enrol(RequestContext context, IndividualDetails details,
                                 Optional<IdempotencyKey> idempotencyKey) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Reads the current version (action READ).
     *
     * @throws RecordNotFoundException no such individual
     * @throws SubjectErasedException the individual was erased
     * @throws RecordIntegrityException a stored ciphertext failed authentication (tampering)
     */
    public Individual read(RequestContext context, SubjectId id) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Replaces the details with a new version (action UPDATE), recording who, when and why.
     *
     * @param expectedVersion the version the change is based on (optimistic concurrency)
     * @param reason why the change is made (1..500 characters; stored encrypted)
     * @throws VersionConflictException the individual is no longer at {@code expectedVersion}
     * @throws RecordNotFoundException no such individual
     * @throws SubjectErasedException the individual was erased
     */
    public Individual update(RequestContext context, SubjectId id, int expectedVersion, IndividualDetails details,
                             String reason) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * All versions, oldest first (action READ_HISTORY).
     *
     * @throws RecordNotFoundException no such individual
     * @throws SubjectErasedException the individual was erased
     */
    public List<IndividualVersion> history(RequestContext context, SubjectId id) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Individuals whose current version holds a document with this number (normalised: case, spaces, dashes,
     * dots and slashes ignored), narrowed by type and issuer when given (action SEARCH). Uses the document
     * blind index, then decrypts and re-checks every candidate, so no false positive is returned. Erased
     * individuals are never found. Each returned individual is audited; no result is audited as NOT_FOUND.
     */
    public List<Individual> searchByDocument(RequestContext context, DocumentQuery query) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Individuals whose current version has this full name (given and family names in any order, ignoring
     * case, diacritics and punctuation) and this exact date of birth (action SEARCH). Individuals with only
     * an estimated age are not found by this search.
     */
    public List<Individual> searchByNameAndBirthDate(RequestContext context, String fullName, LocalDate dateOfBirth) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Individuals whose current location is the admin unit {@code adminPcode} or inside it (any level below),
     * ordered by id, paged (action LIST). Unknown P-codes throw {@link UnknownReferenceException}.
     */
    public Page<Individual> listByLocation(RequestContext context, String adminPcode, PageRequest page) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Erases the individual by crypto-shredding (action ERASE): destroys their data keys, deletes their blind
     * index rows, statistical projection row and idempotency records, ends their household membership and
     * marks them ERASED. Afterwards every read path answers {@link SubjectErasedException}. Idempotent.
     *
     * @throws RecordNotFoundException no such individual
     */
    public ErasureResult erase(RequestContext context, SubjectId id) {
        throw new UnsupportedOperationException("TODO");
    }
}
