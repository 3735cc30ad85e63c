package org.safereg.registration.biometrics;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.safereg.keys.DataCategory;
import org.safereg.keys.FieldCipher;
import org.safereg.keys.SubjectId;
import org.safereg.keys.SubjectKeyring;
import org.safereg.keys.SubjectKeysDestroyedException;
import org.safereg.matching.Candidate;
import org.safereg.matching.ExtractedFinger;
import org.safereg.matching.Finger;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.FingerprintGallery;
import org.safereg.matching.FingerprintRejectedException;
import org.safereg.matching.Probe;
import org.safereg.matching.QualityThresholds;
import org.safereg.matching.SearchOptions;
import org.safereg.matching.TemplateExtractor;
import org.safereg.matching.Verification;
import org.safereg.privacy.Action;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.SubjectBases;
import org.safereg.privacy.consent.ConsentDeclaration;
import org.safereg.privacy.consent.ConsentId;
import org.safereg.privacy.consent.ConsentRecord;
import org.safereg.registration.AdjudicationConflictException;
import org.safereg.registration.BiometricsNotReadyException;
import org.safereg.registration.FieldError;
import org.safereg.registration.FingerprintCaptureRejectedException;
import org.safereg.registration.IdempotencyConflictException;
import org.safereg.registration.Page;
import org.safereg.registration.PageRequest;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.RegistrationException;
import org.safereg.registration.RequestContext;
import org.safereg.registration.SubjectErasedException;
import org.safereg.registration.ValidationException;
import org.safereg.registration.VerificationRateLimitedException;
import org.safereg.registration.audit.AccessGuard;
import org.safereg.registration.consent.ConsentStore;
import org.safereg.registration.biometrics.AdjudicationStore.CaseRow;
import org.safereg.registration.biometrics.FingerprintStore.StaleFinger;
import org.safereg.registration.biometrics.FingerprintStore.StoredImage;
import org.safereg.registration.individuals.ErasureListener;
import org.safereg.registration.locations.LocationRepository;
import org.safereg.registration.locations.ResolvedLocation;
import org.safereg.registration.model.IdempotencyKey;
import org.safereg.registration.model.Individual;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.IndividualValidator;
import org.safereg.registration.model.RegistrationState;
import org.safereg.registration.model.RegistrationStatus;
import org.safereg.registration.rights.ErasedItem;
import org.safereg.registration.rights.ErasureLedger;
import org.safereg.registration.storage.IdempotencyStore;
import org.safereg.registration.storage.IndividualStore;
import org.safereg.registration.storage.JsonCodec;
import org.safereg.registration.storage.Transactions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Biometric enrolment with 1:N deduplication, the adjudication workflow, 1:1 verification, 1:N identification,
 * the in-memory gallery's load and the template re-extraction job.
 *
 * <p><b>Enrolment</b> ({@link #enrol}): the images are screened and extracted (limits, quality gate) before
 * anything is written; a rejection is a {@link FingerprintCaptureRejectedException} with the matching module's
 * reason. Then, under the gallery lock, the gallery is searched and, in one transaction, the individual (its
 * demographic record), the encrypted captures and, if candidates were found, an adjudication case are stored;
 * after the commit the person joins the gallery and the lock is released. So the search and the insertion of
 * two concurrent enrolments never interleave: the second one finds the first, which is in the gallery whether
 * ACTIVE or PENDING_ADJUDICATION, and two enrolments of the same fingers never both end ACTIVE unnoticed.
 * Extraction (25-50 ms per finger) runs outside the lock; the search (about 0.4-0.9 s per 10,000 persons with two
 * fingers on 2 cores) runs inside it, so enrolments are answered one at a time.
 *
 * <p><b>Adjudication</b>: {@link #adjudicationQueue}, {@link #adjudicationCase}, {@link #caseImage} (images of
 * the case's subject and candidates while the case is open) and {@link #decide}: DUPLICATE links the new
 * registration to the existing person (it never becomes a second identity and leaves the gallery); DISTINCT
 * activates it. By default only the ADJUDICATOR role may do these (policy), and never the officer who captured
 * the registration ({@link BiometricSettings#separateAdjudicator()}).
 *
 * <p><b>Readiness</b>: the gallery lives in memory and is filled by {@link #loadGallery()} (call it once at
 * start-up, e.g. on a background thread). Until it is READY, enrolment, verification and identification throw
 * {@link BiometricsNotReadyException}. Erasure of an individual removes them from the gallery as soon as the
 * erasure commits (this service is the core's {@link ErasureListener}).
 *
 * <p>Every operation is decided by the policy decision point and audited like the other services (subjects as
 * AUDIT pseudonyms; candidates returned to a caller are audited as accessed). A denied caller costs no
 * extraction. Thread-safe. {@link #close()} stops the gallery's search threads.
 */
public final class BiometricService implements AutoCloseable {
    static final String ENROL_OPERATION = "biometric.enrol";
    /** Largest re-extraction batch. */
    public static final int MAX_REEXTRACTION_BATCH = 1000;

    private final AccessGuard guard;
    private final IndividualStore individuals;
    private final LocationRepository locations;
    private final IdempotencyStore idempotency;
    private final ConsentStore consents;
    private final SubjectKeyring keyring;
    private final Transactions transactions;
    private final Clock clock;
    private final BiometricSettings settings;
    private final FingerprintStore captures;
    private final AdjudicationStore cases;
    private final TemplateExtractor extractor;
    private final TemplateExtractor storedImages;
    private final FingerprintGallery gallery;
    private final ReentrantLock galleryLock = new ReentrantLock(true);
    private final GalleryLoader loader;
    private final VerificationLimiter limiter;
    private final ErasureListener erasure = new Erasure();

    /** Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#biometrics()}. */
    public BiometricService(AccessGuard guard, IndividualStore individuals, LocationRepository locations,
                            IdempotencyStore idempotency, ConsentStore consents, SubjectKeyring keyring, JdbcClient jdbc,
                            Transactions transactions, Clock clock, BiometricSettings settings) {
        this.guard = guard;
        this.individuals = individuals;
        this.consents = consents;
        this.locations = locations;
        this.idempotency = idempotency;
        this.keyring = keyring;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.captures = new FingerprintStore(jdbc);
        this.cases = new AdjudicationStore(jdbc);
        this.extractor = new TemplateExtractor(settings.limits(), settings.quality());
        this.storedImages = new TemplateExtractor(settings.limits(), QualityThresholds.permissive());
        this.gallery = new FingerprintGallery(settings.galleryParallelism());
        this.loader = new GalleryLoader(captures, keyring, transactions, extractor, storedImages, gallery,
                galleryLock, settings.loadBatchSize());
        this.limiter = new VerificationLimiter(settings.verificationRateLimit());
    }

    /** The settings this service runs with. */
    public BiometricSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------------------------------------- enrolment

    /**
     * Enrols a new individual with fingerprints (action BIOMETRIC_ENROL): validates the details as
     * {@link org.safereg.registration.individuals.IndividualService#enrol} does, extracts 1 to 10 fingers
     * (distinct known positions), searches the gallery and stores the registration ACTIVE (no candidate reached
     * the threshold) or PENDING_ADJUDICATION with an adjudication case naming the ranked candidates. With an
     * idempotency key, a retry of the same request (same actor, key, details and images) returns the first
     * result with {@code replayed = true}.
     *
     * @throws FingerprintCaptureRejectedException an image was rejected (limits, format, quality); nothing stored
     * @throws ValidationException invalid details or captures
     * @throws BiometricsNotReadyException the gallery is not loaded
     * @throws IdempotencyConflictException the key was used for another request
     */
    public BiometricEnrolmentResult enrol(RequestContext context, ConsentDeclaration consent, IndividualDetails details,
                                          List<FingerprintCapture> fingerprints, Optional<IdempotencyKey> idempotencyKey) {
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        guard.require(context, Action.BIOMETRIC_ENROL, Optional.empty());
        requireReady();
        List<ExtractedFinger> extracted = extract(context, Action.BIOMETRIC_ENROL, Optional.empty(), fingerprints);
        List<Finger> fingers = extracted.stream().map(ExtractedFinger::finger).toList();
        Probe probe = Probe.of(fingers);
        SearchOptions options = FingerCountThresholds.forFingers(settings.identification(), fingers.size());
        String actor = context.actor().username();
        Instant now = now();
        SubjectId id = SubjectId.random();
        ConsentRecord record = new ConsentRecord(ConsentId.random(), id, actor, now, consent);
        galleryLock.lock();
        try {
            BiometricEnrolmentResult result = guard.runEnrolment(context, Action.BIOMETRIC_ENROL, id,
                    new SubjectBases(record.basisRecords(), List.of()), trail -> {
                LocalDate today = LocalDate.ofInstant(now, clock.getZone());
                IndividualValidator.check(details, today);
                IndividualDetails complete = details.withEstimatedAgeDatedOn(today);
                ResolvedLocation location = locations.resolve(complete.location().orElseThrow(), "");
                if (idempotencyKey.isPresent()) {
                    Optional<UUID> earlier = idempotency.claim(actor, idempotencyKey.get(), ENROL_OPERATION,
                            canonicalRequest(consent, details, fingerprints), id.value(), now);
                    if (earlier.isPresent()) {
                        SubjectId first = new SubjectId(earlier.get());
                        trail.accessed(first);
                        return replay(first, options.threshold());
                    }
                }
                List<MatchCandidate> candidates = rank(gallery.search(probe, options));
                RegistrationStatus status = candidates.isEmpty()
                        ? RegistrationStatus.ACTIVE : RegistrationStatus.PENDING_ADJUDICATION;
                individuals.create(id, complete, location, actor, now, today, status);
                consents.append(individuals.open(id), record);
                FieldCipher cipher = keyring.create(id, DataCategory.BIOMETRIC);
                for (int i = 0; i < extracted.size(); i++) {
                    captures.insert(cipher, i, extracted.get(i), fingerprints.get(i).image(), now);
                }
                Optional<CaseId> caseId = candidates.isEmpty() ? Optional.empty()
                        : Optional.of(cases.open(cipher, candidates, options.threshold(), actor, now));
                trail.accessed(id);
                candidates.forEach(c -> trail.accessed(c.subject()));
                return new BiometricEnrolmentResult(id, status, caseId, candidates, options.threshold(), false);
            });
            if (!result.replayed()) {
                gallery.enroll(result.id().value(), fingers);
            }
            return result;
        } finally {
            galleryLock.unlock();
        }
    }

    /** The registration status of an individual (action READ), ERASED included. */
    public RegistrationState registrationState(RequestContext context, SubjectId id) {
        return guard.run(context, Action.READ, Optional.of(id), trail -> individuals.state(id, false));
    }

    // ------------------------------------------------------------------------------------------- adjudication

    /** Open adjudication cases, oldest first (action ADJUDICATION_VIEW); each listed subject is audited. */
    public Page<AdjudicationSummary> adjudicationQueue(RequestContext context, PageRequest page) {
        return guard.run(context, Action.ADJUDICATION_VIEW, Optional.empty(), trail -> {
            long total = cases.countOpen();
            List<AdjudicationSummary> items = cases.openCases(page.offset(), page.size());
            items.forEach(c -> trail.accessed(c.subject()));
            if (items.isEmpty()) {
                trail.nothingFound();
            }
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    /**
     * A case with its ranked candidates, their per-finger scores and current statuses, and the decision if made
     * (action ADJUDICATION_VIEW). No images: see {@link #caseImage}.
     *
     * @throws RecordNotFoundException no such case
     * @throws SubjectErasedException the case's registration was erased
     */
    public AdjudicationCase adjudicationCase(RequestContext context, CaseId id) {
        return guard.run(context, Action.ADJUDICATION_VIEW, Optional.empty(), trail -> {
            AdjudicationCase found = readCase(findCase(id, false));
            trail.accessed(found.subject());
            found.candidates().forEach(c -> trail.accessed(c.subject()));
            return found;
        });
    }

    /**
     * The stored image of one finger of the case's registration or of one of its candidates, for side-by-side
     * comparison (action BIOMETRIC_IMAGE_VIEW, audited for {@code subject}). Only while the case is open.
     *
     * @throws RecordNotFoundException no such case, the subject is not in it, or no image at that position
     * @throws AdjudicationConflictException the case is no longer open
     * @throws SubjectErasedException the subject was erased
     */
    public FingerImage caseImage(RequestContext context, CaseId id, SubjectId subject, FingerPosition position) {
        Objects.requireNonNull(position, "position");
        return guard.run(context, Action.BIOMETRIC_IMAGE_VIEW, Optional.of(subject), trail -> {
            trail.requireFields(PersonalField.BIOMETRICS);
            CaseRow row = findCase(id, false);
            if (row.status() != CaseStatus.OPEN) {
                throw new AdjudicationConflictException("images are shown only while the case is open");
            }
            boolean inCase = row.subject().equals(subject) || AdjudicationStore.candidates(openBiometric(row.subject()), row)
                    .stream().anyMatch(c -> c.subject().equals(subject));
            if (!inCase) {
                throw new RecordNotFoundException("fingerprint image");
            }
            FieldCipher cipher = openBiometric(subject);
            StoredImage image = captures.imageAt(subject, position)
                    .orElseThrow(() -> new RecordNotFoundException("fingerprint image"));
            trail.accessed(subject);
            return new FingerImage(subject, position, image.format(), image.dpi(),
                    cipher.decrypt(FingerprintStore.imageField(image.position()), image.image()));
        });
    }

    /**
     * Decides an open case (action ADJUDICATION_DECIDE). DUPLICATE: the registration becomes a DUPLICATE linked
     * to {@code duplicateOf} (one of the case's candidates, ACTIVE) and leaves the gallery once committed; it
     * never becomes a second identity. DISTINCT: the registration becomes ACTIVE. The reason (1..500
     * characters) is stored encrypted; decider and time are recorded.
     *
     * @param duplicateOf the existing person, required for DUPLICATE and absent for DISTINCT
     * @throws AdjudicationConflictException the case is not open, the registration is not pending, the chosen
     *         person is not active, or the caller captured the registration
     * @throws ValidationException missing or invalid reason or duplicateOf
     * @throws RecordNotFoundException no such case
     */
    public AdjudicationCase decide(RequestContext context, CaseId id, AdjudicationDecision decision,
                                   Optional<SubjectId> duplicateOf, String reason) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
        AdjudicationCase decided = guard.run(context, Action.ADJUDICATION_DECIDE, Optional.empty(), trail -> {
            IndividualValidator.checkReason(reason);
            if ((decision == AdjudicationDecision.DUPLICATE) != duplicateOf.isPresent()) {
                throw ValidationException.of("duplicateOf", decision == AdjudicationDecision.DUPLICATE
                        ? "required for a DUPLICATE decision" : "only for a DUPLICATE decision");
            }
            CaseRow row = findCase(id, true);
            if (row.status() != CaseStatus.OPEN) {
                throw new AdjudicationConflictException(
                        "the case is " + row.status().name().toLowerCase(Locale.ROOT) + ", not open");
            }
            String actor = context.actor().username();
            if (settings.separateAdjudicator() && row.createdBy().equals(actor)) {
                throw new AdjudicationConflictException(
                        "the officer who captured a registration cannot decide its adjudication case");
            }
            SubjectId subject = row.subject();
            if (individuals.state(subject, true).status() != RegistrationStatus.PENDING_ADJUDICATION) {
                throw new AdjudicationConflictException("the registration is not pending adjudication");
            }
            FieldCipher cipher = openBiometric(subject);
            Instant now = now();
            if (decision == AdjudicationDecision.DUPLICATE) {
                SubjectId existing = duplicateOf.get();
                boolean candidate = AdjudicationStore.candidates(cipher, row).stream()
                        .anyMatch(c -> c.subject().equals(existing));
                if (!candidate) {
                    throw ValidationException.of("duplicateOf", "must be one of the case's candidates");
                }
                if (individuals.state(existing, true).status() != RegistrationStatus.ACTIVE) {
                    throw new AdjudicationConflictException(
                            "the chosen person is not an active registration; decide their own case first");
                }
                individuals.markDuplicate(subject, existing);
                trail.accessed(existing);
            } else {
                Individual individual = individuals.current(subject, false);
                ResolvedLocation location = locations.resolve(individual.details().location().orElseThrow(), "");
                individuals.activate(subject, individual.details(), location, individual.registeredAt(),
                        LocalDate.ofInstant(now, clock.getZone()));
            }
            cases.decide(cipher, id, decision, reason, actor, now);
            trail.accessed(subject);
            return readCase(findCase(id, false));
        });
        if (decision == AdjudicationDecision.DUPLICATE) {
            removeFromGallery(decided.subject());
        }
        return decided;
    }

    // ---------------------------------------------------------------------------- verification, identification

    /**
     * 1:1 verification of presented fingers against the claimed person (action BIOMETRIC_VERIFY, purpose e.g.
     * REG.VERIFY). Rate-limited per person id ({@link BiometricSettings#verificationRateLimit()}): every
     * permitted attempt counts, matched or not.
     *
     * @throws VerificationRateLimitedException too many attempts for this person in the window
     * @throws RecordNotFoundException no such individual, or no fingerprints enrolled (or not searchable: a
     *         DUPLICATE registration)
     * @throws SubjectErasedException the individual was erased
     */
    public BiometricVerification verify(RequestContext context, SubjectId id, List<FingerprintCapture> fingerprints) {
        Objects.requireNonNull(id, "id");
        Optional<SubjectId> subject = Optional.of(id);
        guard.require(context, Action.BIOMETRIC_VERIFY, subject);
        requireReady();
        Optional<Duration> wait = limiter.tryAcquire(id, clock.instant());
        if (wait.isPresent()) {
            guard.recordFailure(context, Action.BIOMETRIC_VERIFY, subject);
            throw new VerificationRateLimitedException(wait.get());
        }
        List<Finger> fingers = extract(context, Action.BIOMETRIC_VERIFY, subject, fingerprints).stream()
                .map(ExtractedFinger::finger).toList();
        Probe probe = Probe.of(fingers);
        SearchOptions options = FingerCountThresholds.forFingers(settings.verification(), fingers.size());
        return guard.run(context, Action.BIOMETRIC_VERIFY, subject, trail -> {
            if (individuals.state(id, false).status() == RegistrationStatus.ERASED) {
                throw new SubjectErasedException();
            }
            Verification v = gallery.verify(id.value(), probe, options)
                    .orElseThrow(() -> new RecordNotFoundException("fingerprints"));
            trail.accessed(id);
            return new BiometricVerification(id, v.match(), v.score(), v.threshold(), v.fusion(), v.fingers());
        });
    }

    /**
     * 1:N identification (action BIOMETRIC_IDENTIFY, purposes e.g. REG.DEDUP, PROT.CASE): ranked candidate ids
     * and scores, no personal data. Only candidates with a valid (biometric) basis for the declared purpose are
     * returned (decided per candidate by the policy decision point). ACTIVE and PENDING_ADJUDICATION registrations are searched. Each candidate
     * is audited; no candidate is audited as NOT_FOUND.
     */
    public IdentificationResult identify(RequestContext context, List<FingerprintCapture> fingerprints) {
        guard.require(context, Action.BIOMETRIC_IDENTIFY, Optional.empty());
        requireReady();
        List<Finger> fingers = extract(context, Action.BIOMETRIC_IDENTIFY, Optional.empty(), fingerprints).stream()
                .map(ExtractedFinger::finger).toList();
        Probe probe = Probe.of(fingers);
        SearchOptions options = FingerCountThresholds.forFingers(settings.identification(), fingers.size());
        return guard.run(context, Action.BIOMETRIC_IDENTIFY, Optional.empty(), trail -> {
            List<MatchCandidate> candidates = rank(gallery.search(probe, options)).stream()
                    .filter(c -> trail.admits(c.subject())).toList();
            candidates.forEach(c -> trail.accessed(c.subject()));
            if (candidates.isEmpty()) {
                trail.nothingFound();
            }
            return new IdentificationResult(options.threshold(), candidates);
        });
    }

    // ------------------------------------------------------------------------------- gallery and maintenance

    /**
     * Loads the gallery from the database (blocking; progress in the log): unwraps each person's BIOMETRIC key,
     * decrypts and deserializes their templates; templates of another SourceAFIS version are rebuilt from the
     * stored images in memory. Call once at start-up; calling again reloads (e.g. after a failure). Throws the
     * database's or key provider's exception if they are unavailable (the state is then FAILED).
     */
    public GalleryStatus loadGallery() {
        return loader.load();
    }

    /** Load state and size of the gallery (counts only; no policy decision, no audit). */
    public GalleryStatus galleryStatus() {
        return loader.status();
    }

    /**
     * Rebuilds every stored template whose SourceAFIS version differs from the running one from its stored image
     * (action BIOMETRIC_REEXTRACT, e.g. purpose ADMIN.BIOMETRICS), in batches of {@code batchSize} fingers
     * (1..1000): each batch is one transaction and one audit event per person, replaces templates by
     * compare-and-set on the old version, then reloads the persons it touched into the gallery. Reports each
     * batch to {@code progress}. Safe to interrupt and call again: rebuilt rows no longer qualify. Images that
     * cannot be re-extracted keep their old template and are counted as failed. Runs while the server serves
     * requests; re-extraction costs 25-50 ms per finger.
     */
    public ReextractionProgress reextractAll(RequestContext context, int batchSize,
                                             Consumer<ReextractionProgress> progress) {
        if (batchSize < 1 || batchSize > MAX_REEXTRACTION_BATCH) {
            throw ValidationException.of("batchSize", "must be between 1 and " + MAX_REEXTRACTION_BATCH);
        }
        String current = TemplateExtractor.sourceafisVersion();
        Optional<StaleFinger> after = Optional.empty();
        int reextracted = 0;
        int failed = 0;
        while (true) {
            Optional<StaleFinger> from = after;
            Batch batch = guard.run(context, Action.BIOMETRIC_REEXTRACT, Optional.empty(),
                    trail -> reextractBatch(current, from, batchSize, trail));
            loader.reload(batch.subjects());
            reextracted += batch.reextracted();
            failed += batch.failed();
            boolean done = batch.last().isEmpty();
            ReextractionProgress report = new ReextractionProgress(current, reextracted, failed, batch.remaining(), done);
            progress.accept(report);
            if (done) {
                return report;
            }
            after = batch.last();
        }
    }

    /**
     * How many stored fingers hold a template made by another SourceAFIS version than the running one, i.e. the
     * re-extraction job's remaining work (action BIOMETRIC_REEXTRACT; no subject).
     */
    public long staleTemplates(RequestContext context) {
        return guard.run(context, Action.BIOMETRIC_REEXTRACT, Optional.empty(),
                trail -> captures.countStale(TemplateExtractor.sourceafisVersion()));
    }

    /** Stops the gallery's search threads. */
    @Override
    public void close() {
        gallery.close();
    }

    /** Internal: the core's erasure hook (deletes captures, withdraws the open case, leaves the gallery). */
    public ErasureListener erasureListener() {
        return erasure;
    }

    // ------------------------------------------------------------------------------------------------ internals

    private final class Erasure implements ErasureListener {
        @Override
        public void erasing(SubjectId id, ErasureLedger ledger) {
            ledger.removed(ErasedItem.GALLERY_FINGERS, captures.deleteAll(id));
            ledger.removed(ErasedItem.ADJUDICATION_CASES_WITHDRAWN, cases.withdraw(id));
        }

        @Override
        public void erased(SubjectId id) {
            removeFromGallery(id);
        }
    }

    private record Batch(Set<SubjectId> subjects, int reextracted, int failed, long remaining,
                         Optional<StaleFinger> last) {
    }

    private Batch reextractBatch(String current, Optional<StaleFinger> after, int batchSize, AccessGuard.Trail trail) {
        List<StaleFinger> stale = captures.stale(current, after, batchSize);
        Set<SubjectId> touched = new LinkedHashSet<>();
        int reextracted = 0;
        int failed = 0;
        FieldCipher cipher = null;
        for (StaleFinger finger : stale) {
            if (cipher == null || !cipher.subject().equals(finger.subject())) {
                try {
                    cipher = keyring.open(finger.subject(), DataCategory.BIOMETRIC);
                } catch (SubjectKeysDestroyedException erasedMeanwhile) {
                    cipher = null;
                    continue;
                }
            }
            Optional<StoredImage> image = captures.image(finger.subject(), finger.index());
            if (image.isEmpty()) {
                continue;
            }
            byte[] plain = cipher.decrypt(FingerprintStore.imageField(finger.position()), image.get().image());
            try {
                ExtractedFinger rebuilt = storedImages.extract(plain, finger.position(), image.get().dpi());
                if (captures.replaceTemplate(cipher, finger, rebuilt.templateBytes(), rebuilt.sourceafisVersion())) {
                    reextracted++;
                    if (touched.add(finger.subject())) {
                        trail.accessed(finger.subject());
                    }
                }
            } catch (FingerprintRejectedException e) {
                failed++;
            }
        }
        Optional<StaleFinger> last = stale.isEmpty() ? Optional.empty() : Optional.of(stale.get(stale.size() - 1));
        return new Batch(touched, reextracted, failed, captures.countStale(current), last);
    }

    private void requireReady() {
        if (!loader.status().ready()) {
            throw new BiometricsNotReadyException();
        }
    }

    private void removeFromGallery(SubjectId id) {
        galleryLock.lock();
        try {
            gallery.remove(id.value());
        } finally {
            galleryLock.unlock();
        }
    }

    /**
     * Checks the shape of the captures and extracts each one; any failure is audited as FAILED (the caller was
     * permitted) and thrown.
     */
    private List<ExtractedFinger> extract(RequestContext context, Action action, Optional<SubjectId> subject,
                                          List<FingerprintCapture> fingerprints) {
        try {
            checkShape(fingerprints);
            List<ExtractedFinger> extracted = new ArrayList<>(fingerprints.size());
            for (int i = 0; i < fingerprints.size(); i++) {
                FingerprintCapture capture = fingerprints.get(i);
                try {
                    extracted.add(extractor.extract(capture.image(), capture.position(), capture.dpi()));
                } catch (FingerprintRejectedException e) {
                    throw new FingerprintCaptureRejectedException(i, capture.position(), e.reason(), e.detail());
                }
            }
            return extracted;
        } catch (RegistrationException e) {
            guard.recordFailure(context, action, subject);
            throw e;
        }
    }

    private static void checkShape(List<FingerprintCapture> fingerprints) {
        if (fingerprints == null || fingerprints.isEmpty() || fingerprints.size() > Probe.MAX_FINGERS) {
            throw ValidationException.of("fingerprints", "between 1 and " + Probe.MAX_FINGERS + " fingers are required");
        }
        Set<FingerPosition> seen = EnumSet.noneOf(FingerPosition.class);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < fingerprints.size(); i++) {
            FingerPosition position = fingerprints.get(i).position();
            if (position != FingerPosition.UNKNOWN && !seen.add(position)) {
                errors.add(new FieldError("fingerprints[" + i + "].position", "this finger position is already given"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * Candidates with their current statuses; persons no longer ACTIVE or PENDING_ADJUDICATION (erased or
     * decided DUPLICATE, with their removal from the gallery still waiting for the lock) are left out.
     */
    private List<MatchCandidate> rank(List<Candidate> found) {
        Map<SubjectId, RegistrationStatus> statuses = individuals.statuses(
                found.stream().map(c -> new SubjectId(c.subject())).toList());
        List<MatchCandidate> ranked = new ArrayList<>(found.size());
        for (Candidate c : found) {
            RegistrationStatus status = statuses.get(new SubjectId(c.subject()));
            if (status == RegistrationStatus.ACTIVE || status == RegistrationStatus.PENDING_ADJUDICATION) {
                ranked.add(new MatchCandidate(new SubjectId(c.subject()), ranked.size() + 1, c.score(), c.fingers(),
                        status));
            }
        }
        return ranked;
    }

    private BiometricEnrolmentResult replay(SubjectId first, double threshold) {
        RegistrationStatus status = individuals.state(first, false).status();
        Optional<CaseRow> row = cases.forSubject(first);
        if (row.isEmpty()) {
            return new BiometricEnrolmentResult(first, status, Optional.empty(), List.of(), threshold, true);
        }
        List<MatchCandidate> candidates = AdjudicationStore.candidates(openBiometric(first), row.get());
        return new BiometricEnrolmentResult(first, status, Optional.of(row.get().id()), candidates,
                row.get().threshold(), true);
    }

    private CaseRow findCase(CaseId id, boolean lock) {
        Objects.requireNonNull(id, "id");
        return cases.find(id, lock).orElseThrow(() -> new RecordNotFoundException("adjudication case"));
    }

    private AdjudicationCase readCase(CaseRow row) {
        SubjectId subject = row.subject();
        RegistrationState state = individuals.state(subject, false);
        if (state.status() == RegistrationStatus.ERASED) {
            throw new SubjectErasedException();
        }
        FieldCipher cipher = openBiometric(subject);
        List<MatchCandidate> stored = AdjudicationStore.candidates(cipher, row);
        Map<SubjectId, RegistrationStatus> now = individuals.statuses(stored.stream().map(MatchCandidate::subject).toList());
        List<MatchCandidate> candidates = stored.stream()
                .map(c -> new MatchCandidate(c.subject(), c.rank(), c.score(), c.fingers(),
                        now.getOrDefault(c.subject(), RegistrationStatus.ERASED)))
                .toList();
        Optional<AdjudicationOutcome> outcome = row.decision().map(d -> new AdjudicationOutcome(d,
                d == AdjudicationDecision.DUPLICATE ? state.duplicateOf() : Optional.empty(),
                AdjudicationStore.reason(cipher, row.reason().orElseThrow()), row.decidedBy().orElseThrow(),
                row.decidedAt().orElseThrow()));
        return new AdjudicationCase(row.id(), subject, state.status(), row.status(), captures.positions(subject),
                row.threshold(), row.createdBy(), row.createdAt(), candidates, outcome);
    }

    private FieldCipher openBiometric(SubjectId subject) {
        try {
            return keyring.open(subject, DataCategory.BIOMETRIC);
        } catch (SubjectKeysDestroyedException e) {
            throw new SubjectErasedException();
        }
    }

    /**
     * The idempotency fingerprint input: the consent, the details and, per capture, position, resolution and a SHA-256 of the
     * image (the store keeps only a keyed hash of this).
     */
    private static byte[] canonicalRequest(ConsentDeclaration consent, IndividualDetails details,
                                           List<FingerprintCapture> fingerprints) {
        List<CaptureDigest> digests = fingerprints.stream()
                .map(c -> new CaptureDigest(c.position().code(), c.dpi(), HexFormat.of().formatHex(sha256(c.image()))))
                .toList();
        return JsonCodec.encode(new CanonicalEnrolment(consent, details, digests));
    }

    private record CanonicalEnrolment(ConsentDeclaration consent, IndividualDetails details,
                                      List<CaptureDigest> fingerprints) {
    }

    private record CaptureDigest(int position, double dpi, String sha256) {
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
