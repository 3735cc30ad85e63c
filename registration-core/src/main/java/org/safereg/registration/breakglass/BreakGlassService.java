package org.safereg.registration.breakglass;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.safereg.keys.DataCategory;
import org.safereg.keys.FieldCipher;
import org.safereg.keys.FieldName;
import org.safereg.keys.SubjectId;
import org.safereg.keys.SubjectKeyring;
import org.safereg.keys.SubjectKeysDestroyedException;
import org.safereg.privacy.Action;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.breakglass.BreakGlassId;
import org.safereg.privacy.breakglass.BreakGlassReason;
import org.safereg.privacy.breakglass.BreakGlassRequest;
import org.safereg.privacy.breakglass.BreakGlassRuleException;
import org.safereg.privacy.breakglass.ReviewOutcome;
import org.safereg.registration.BreakGlassRefusedException;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.RequestContext;
import org.safereg.registration.SubjectErasedException;
import org.safereg.registration.ValidationException;
import org.safereg.registration.audit.AccessGuard;
import org.safereg.registration.storage.IndividualStore;
import org.safereg.registration.storage.PaddedPayload;
import org.safereg.registration.storage.PaddedPayload.RecordBinding;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

/**
 * Break-glass: vital-interest access to one subject's data, for one purpose that allows it, without the
 * subject's consent. The workflow's rules are {@link BreakGlassRequest}'s; this service stores the steps,
 * encrypts the stated reason, and runs every step through the access guard (decided and audited):
 * <ul>
 * <li>{@link #request} (action BREAK_GLASS_REQUEST under the declared purpose, the one the access is for);</li>
 * <li>{@link #pending}, {@link #approve}, {@link #reject} (BREAK_GLASS_APPROVE under the request's purpose, by a
 *     second user: the requester is refused);</li>
 * <li>{@link #pendingReviews}, {@link #review} (BREAK_GLASS_REVIEW: the data protection officer, under AUDIT).</li>
 * </ul>
 * These steps are decided without a subject basis (there is none: that is why the glass is broken); the subject
 * is recorded in each step's audit event. While an approved grant runs, the policy decision point permits the
 * requester's operations on that subject under that purpose with basis VITAL_INTEREST ({@link StoredGrants}), and
 * the audit events of those operations are linked to the grant: the review lists them.
 *
 * <p>The reason (1..500 characters) and the review note (1..2,000) may describe the person: they are encrypted
 * under the subject's DEMOGRAPHIC data key, padded to 256-byte blocks, so erasing the subject shreds them, and
 * never logged. Thread-safe. Costs: one KEK unwrap per request written or read, a few SQL statements.
 */
public final class BreakGlassService {
    /** Default length of a grant. */
    public static final Duration DEFAULT_GRANT_DURATION = Duration.ofHours(24);
    /** Longest review note, in characters. */
    public static final int MAX_NOTE_LENGTH = 2_000;

    private static final FieldName REASON = FieldName.of("break_glass.reason", 1);
    private static final FieldName REVIEW_NOTE = FieldName.of("break_glass.review_note", 1);

    private final AccessGuard guard;
    private final BreakGlassStore store;
    private final IndividualStore individuals;
    private final SubjectKeyring keyring;
    private final Clock clock;
    private final Duration grantDuration;

    /** Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#breakGlass()}. */
    public BreakGlassService(AccessGuard guard, JdbcClient jdbc, IndividualStore individuals, SubjectKeyring keyring,
                             Clock clock, Duration grantDuration) {
        if (grantDuration.isNegative() || grantDuration.isZero()) {
            throw new IllegalArgumentException("the break-glass grant duration must be positive");
        }
        this.guard = guard;
        this.store = new BreakGlassStore(jdbc);
        this.individuals = individuals;
        this.keyring = keyring;
        this.clock = clock;
        this.grantDuration = grantDuration;
    }

    /**
     * Asks for vital-interest access to {@code subject} for the declared purpose (action BREAK_GLASS_REQUEST),
     * stating {@code reason}. The request waits for a second user's decision.
     *
     * @throws ValidationException the reason is blank or longer than 500 characters
     * @throws RecordNotFoundException no such individual
     * @throws SubjectErasedException the individual was erased
     */
    public BreakGlassRequest request(RequestContext context, SubjectId subject, String reason) {
        Objects.requireNonNull(subject, "subject");
        return guard.run(context, Action.BREAK_GLASS_REQUEST, Optional.empty(), trail -> {
            if (!BreakGlassReason.valid(reason)) {
                throw ValidationException.of("reason", "is required, 1.." + BreakGlassReason.MAX_LENGTH
                        + " characters");
            }
            individuals.requireActive(subject, false);
            BreakGlassRequest request = BreakGlassRequest.open(BreakGlassId.random(), subject, declared(context),
                    context.actor().username(), now());
            store.insert(request, seal(individuals.open(subject), REASON, request.id(), reason));
            trail.accessed(subject);
            return request;
        });
    }

    /**
     * The requests waiting for a decision under the declared purpose, oldest first, with their reasons (action
     * BREAK_GLASS_APPROVE), except the caller's own (which they cannot decide). A reason identifies and describes
     * the person, so it is decrypted only for a purpose that sees NAMES (every default break-glass purpose does);
     * under another configuration the requests are listed without their reasons.
     */
    public List<BreakGlassCase> pending(RequestContext context) {
        return guard.run(context, Action.BREAK_GLASS_APPROVE, Optional.empty(), trail -> {
            List<BreakGlassCase> cases = store.pending(declared(context)).stream()
                    .filter(s -> !s.request().requestedBy().equals(context.actor().username()))
                    .map(s -> open(s, trail))
                    .toList();
            cases.forEach(c -> trail.accessed(c.request().subject()));
            if (cases.isEmpty()) {
                trail.nothingFound();
            }
            return cases;
        });
    }

    /**
     * Approves request {@code id} (action BREAK_GLASS_APPROVE, declaring the request's purpose): the requester may
     * process the subject's data for that purpose until now + the grant duration.
     *
     * @throws BreakGlassRefusedException the caller made the request (SELF_APPROVAL), it was already decided
     *         (NOT_PENDING), or another purpose was declared (PURPOSE_MISMATCH)
     * @throws RecordNotFoundException no such request
     */
    public BreakGlassRequest approve(RequestContext context, BreakGlassId id) {
        return decide(context, id, true);
    }

    /** Rejects request {@code id}; as {@link #approve}, without granting anything. */
    public BreakGlassRequest reject(RequestContext context, BreakGlassId id) {
        return decide(context, id, false);
    }

    /**
     * Approved grants awaiting the data protection officer's review, oldest first (action BREAK_GLASS_REVIEW), with
     * reasons and notes under the same rule as {@link #pending} (AUDIT, the default, sees every field).
     */
    public List<BreakGlassCase> pendingReviews(RequestContext context) {
        return guard.run(context, Action.BREAK_GLASS_REVIEW, Optional.empty(), trail -> {
            List<BreakGlassCase> cases = store.unreviewed().stream().map(s -> open(s, trail)).toList();
            cases.forEach(c -> trail.accessed(c.request().subject()));
            if (cases.isEmpty()) {
                trail.nothingFound();
            }
            return cases;
        });
    }

    /**
     * Records the review of approved grant {@code id} (action BREAK_GLASS_REVIEW), with an optional note
     * (1..2,000 characters, encrypted like the reason).
     *
     * @throws BreakGlassRefusedException not approved, already reviewed, or the caller requested or approved it
     * @throws RecordNotFoundException no such request
     */
    public BreakGlassRequest review(RequestContext context, BreakGlassId id, ReviewOutcome outcome,
                                    Optional<String> note) {
        Objects.requireNonNull(outcome, "outcome");
        return guard.run(context, Action.BREAK_GLASS_REVIEW, Optional.empty(), trail -> {
            if (note.isPresent() && (note.get().isBlank()
                    || note.get().codePointCount(0, note.get().length()) > MAX_NOTE_LENGTH)) {
                throw ValidationException.of("note", "1.." + MAX_NOTE_LENGTH + " characters, not blank");
            }
            BreakGlassStore.Stored stored = find(id);
            BreakGlassRequest reviewed = rule(() -> stored.request().review(context.actor().username(), outcome,
                    now()));
            SubjectId subject = reviewed.subject();
            Optional<byte[]> sealedNote = note.map(n -> seal(openKey(subject).orElseThrow(SubjectErasedException::new),
                    REVIEW_NOTE, id, n));
            store.review(reviewed, sealedNote);
            trail.accessed(subject);
            return reviewed;
        });
    }

    private BreakGlassRequest decide(RequestContext context, BreakGlassId id, boolean approve) {
        return guard.run(context, Action.BREAK_GLASS_APPROVE, Optional.empty(), trail -> {
            BreakGlassRequest request = find(id).request();
            String approver = context.actor().username();
            PurposeCode purpose = declared(context);
            Instant now = now();
            BreakGlassRequest decided = rule(() -> approve
                    ? request.approve(approver, purpose, now, grantDuration)
                    : request.reject(approver, purpose, now));
            store.decide(decided);
            trail.accessed(request.subject());
            return decided;
        });
    }

    private BreakGlassStore.Stored find(BreakGlassId id) {
        return store.findForUpdate(id).orElseThrow(() -> new RecordNotFoundException("break-glass request"));
    }

    /** The case as {@code trail}'s permit may see it: reason and note only with NAMES (see {@link #pending}). */
    private BreakGlassCase open(BreakGlassStore.Stored stored, AccessGuard.Trail trail) {
        BreakGlassRequest request = stored.request();
        Optional<FieldCipher> cipher = trail.fields().contains(PersonalField.NAMES)
                ? openKey(request.subject())
                : Optional.empty();
        RecordBinding row = new RecordBinding(request.id().value(), 1);
        return new BreakGlassCase(request,
                cipher.map(c -> BreakGlassReason.of(PaddedPayload.open(c, REASON, row, stored.reason(),
                        new TypeReference<String>() { }))),
                cipher.flatMap(c -> stored.reviewNote().map(n -> PaddedPayload.open(c, REVIEW_NOTE, row, n,
                        new TypeReference<String>() { }))),
                request.grant().isPresent() ? store.accesses(request.id()) : List.of());
    }

    private Optional<FieldCipher> openKey(SubjectId subject) {
        try {
            return Optional.of(keyring.open(subject, DataCategory.DEMOGRAPHIC));
        } catch (SubjectKeysDestroyedException erased) {
            return Optional.empty();
        }
    }

    private static byte[] seal(FieldCipher cipher, FieldName field, BreakGlassId id, String text) {
        return PaddedPayload.seal(cipher, field, PaddedPayload.Block.TEXT, new RecordBinding(id.value(), 1), text);
    }

    private static BreakGlassRequest rule(Supplier<BreakGlassRequest> step) {
        try {
            return step.get();
        } catch (BreakGlassRuleException e) {
            throw new BreakGlassRefusedException(e.violation());
        }
    }

    /** The declared purpose; the access guard permitted it, so it is well-formed. */
    private static PurposeCode declared(RequestContext context) {
        return PurposeCode.of(context.declaredPurpose().orElseThrow());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
