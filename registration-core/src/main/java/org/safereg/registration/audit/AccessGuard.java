package org.safereg.registration.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.safereg.keys.DecryptionFailedException;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.AccessDecision;
import org.safereg.privacy.AccessRequest;
import org.safereg.privacy.DenialReason;
import org.safereg.privacy.Action;
import org.safereg.privacy.Disclosure;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PolicyDecisionPoint;
import org.safereg.privacy.PseudonymDomain;
import org.safereg.privacy.Pseudonymizer;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.Role;
import org.safereg.privacy.SubjectBases;
import org.safereg.privacy.audit.AuditEvent;
import org.safereg.privacy.audit.AuditOutcome;
import org.safereg.privacy.audit.ChainedAuditEvent;
import org.safereg.privacy.sharing.DataSharingAgreement;
import org.safereg.privacy.sharing.RecipientId;
import org.safereg.registration.AccessDeniedException;
import org.safereg.registration.RecordIntegrityException;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.RegistrationException;
import org.safereg.registration.RequestContext;
import org.safereg.registration.SubjectErasedException;
import org.safereg.registration.keys.KeyProviderCheck;
import org.safereg.registration.storage.Transactions;

/**
 * Policy enforcement and audit around every personal-data operation (internal; used by all services, so no
 * service method can forget either):
 * <ol>
 * <li>if the key provider has not yet been checked against the database (it or the database was down at start),
 *     checks it first ({@link KeyProviderCheck#ensureVerified}), so nothing runs under the wrong keys;</li>
 * <li>asks the policy decision point about actor, declared purpose and action; on deny appends a DENIED event in a
 *     transaction of its own and throws {@link AccessDeniedException};</li>
 * <li>on permit opens the operation's transaction; for an operation on one subject, loads the subject's
 *     {@link SubjectBases} there ({@link SubjectBasesSource}: consent records and break-glass grants; an unknown
 *     or erased subject is audited NOT_FOUND as below) and asks the decision point again with them, so decision
 *     and work see the same consent state; a denial rolls back, is audited DENIED (naming the subject) and thrown;</li>
 * <li>runs the work in that transaction with a {@link Trail} that gives the permitted {@linkplain Trail#fields()
 *     fields} (responses are projected to them) and, for operations returning several subjects (search, list,
 *     identification), {@linkplain Trail#admits decides per subject} with the same decision point, so only
 *     subjects with a valid basis for the declared purpose are returned; appends the trail's audit events at the
 *     end of that same transaction (the audit head lock is held only from the append to the commit);</li>
 * <li>if the work throws a {@link RegistrationException}, rolls back and appends one NOT_FOUND (not found,
 *     erased) or FAILED event in a new transaction, then rethrows; a ciphertext that fails authentication is
 *     audited as FAILED and thrown as {@link RecordIntegrityException}. Infrastructure exceptions (database, key
 *     provider) propagate without an audit event (nothing was done, and the trail may be unreachable).</li>
 * </ol>
 * Enrolment ({@link #runEnrolment}) decides on the consent given in the request for the subject about to be
 * created: nothing is written unless it provides a valid basis for REG.ENROL (and for the declared purpose).
 * The declared purpose and request id are recorded only when well-formed ({@code <invalid>} otherwise), so a
 * client cannot smuggle personal values into the audit trail through them. Thread-safe. Cost per decision on a
 * subject: two or three indexed queries (status, basis rows, grants) plus the decision (microseconds).
 */
public final class AccessGuard {
    private static final String INVALID = "<invalid>";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final String ENROL_PURPOSE = "REG.ENROL";

    private final PolicyDecisionPoint policy;
    private final SubjectBasesSource bases;
    private final AuditLog log;
    private final Transactions transactions;
    private final Pseudonymizer pseudonyms;
    private final Clock clock;
    private final KeyProviderCheck keyCheck;
    private final BreakGlassUses breakGlassUses;

    /**
     * A guard deciding with {@code policy}, loading each subject's bases from {@code bases}, auditing to {@code log}
     * in the work's transaction ({@code transactions}), naming subjects by their AUDIT pseudonym, timestamping
     * with {@code clock}, and refusing to work until {@code keyCheck} verified the key provider; break-glass uses
     * are not recorded.
     */
    public AccessGuard(PolicyDecisionPoint policy, SubjectBasesSource bases, AuditLog log, Transactions transactions,
                       Pseudonymizer pseudonyms, Clock clock, KeyProviderCheck keyCheck) {
        this(policy, bases, log, transactions, pseudonyms, clock, keyCheck, BreakGlassUses.NONE);
    }

    /** As above; {@code breakGlassUses} records the audit events of operations a break-glass grant permitted. */
    public AccessGuard(PolicyDecisionPoint policy, SubjectBasesSource bases, AuditLog log, Transactions transactions,
                       Pseudonymizer pseudonyms, Clock clock, KeyProviderCheck keyCheck,
                       BreakGlassUses breakGlassUses) {
        this.breakGlassUses = breakGlassUses;
        this.policy = policy;
        this.bases = bases;
        this.log = log;
        this.transactions = transactions;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.keyCheck = keyCheck;
    }

    /** Work done under a permit, inside the transaction; records which subjects it touched in the trail. */
    @FunctionalInterface
    public interface Work<T> {
        T execute(Trail trail);
    }

    /**
     * The permit of one operation and its audit events, appended when the work returns. If the work records none,
     * one SUCCESS event for the subject of the decision (if any) is appended. For a disclosure
     * ({@link #runDisclosure}) admission also requires the agreement, and the work records {@link #disclosed} or
     * {@link #withheld} per subject.
     */
    public static final class Trail {
        private final List<Entry> entries = new ArrayList<>();
        private final AccessDecision.Permit permit;
        private final Predicate<SubjectId> admission;
        private final Optional<DataSharingAgreement> agreement;

        private Trail(AccessDecision.Permit permit, Predicate<SubjectId> admission,
                      Optional<DataSharingAgreement> agreement) {
            this.permit = permit;
            this.admission = admission;
            this.agreement = agreement;
        }

        /**
         * For a disclosure ({@link #runDisclosure}): the agreement the permit relies on, as loaded in this
         * transaction; empty otherwise.
         */
        public Optional<DataSharingAgreement> agreement() {
            return agreement;
        }

        /** The personal fields the response may contain (project every returned record to them). */
        public Set<PersonalField> fields() {
            return permit.fields();
        }

        /**
         * Refuses the operation unless the permit's fields include every one of {@code required}: for work whose
         * result is made of those fields (case notes, fingerprint images, a complete export), which a purpose
         * configured with the action but not the fields must not reach. The refusal rolls the transaction back and
         * is audited and thrown like a denial by the decision point ({@link AccessDeniedException},
         * ACTION_NOT_COVERED_BY_PURPOSE).
         */
        public void requireFields(PersonalField... required) {
            for (PersonalField field : required) {
                if (!permit.fields().contains(field)) {
                    throw new Refused(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE);
                }
            }
        }

        /** The permit the work runs under (purpose, role, fields, basis, grant, agreement). */
        public AccessDecision.Permit permit() {
            return permit;
        }

        /**
         * Whether this operation may return {@code subject}'s data: the decision point's answer for the subject with
         * their bases (loaded in this transaction). Unknown and erased subjects are not admitted. Not audited: leave
         * out a subject that is not admitted, and record the admitted ones with {@link #accessed}.
         */
        public boolean admits(SubjectId subject) {
            return admission.test(subject);
        }

        /** The work read or wrote this subject's personal data. */
        public void accessed(SubjectId subject) {
            entries.add(new Entry(Optional.of(subject), AuditOutcome.SUCCESS, Optional.empty()));
        }

        /** The work found nothing (a search or list with no result). */
        public void nothingFound() {
            entries.add(new Entry(Optional.empty(), AuditOutcome.NOT_FOUND, Optional.empty()));
        }

        /** The work disclosed this subject's personal data to {@code recipient} (audited SUCCESS with it). */
        public void disclosed(SubjectId subject, RecipientId recipient) {
            entries.add(new Entry(Optional.of(subject), AuditOutcome.SUCCESS, Optional.of(recipient)));
        }

        /**
         * The work withheld this subject from a disclosure to {@code recipient} because they were not
         * {@linkplain #admits admitted} (audited DENIED with the recipient; nothing of theirs was read).
         */
        public void withheld(SubjectId subject, RecipientId recipient) {
            entries.add(new Entry(Optional.of(subject), AuditOutcome.DENIED, Optional.of(recipient)));
        }

        /** The work administered something concerning {@code recipient} (an agreement), without personal data. */
        public void concerning(RecipientId recipient) {
            entries.add(new Entry(Optional.empty(), AuditOutcome.SUCCESS, Optional.of(recipient)));
        }
    }

    private record Entry(Optional<SubjectId> subject, AuditOutcome outcome, Optional<RecipientId> recipient) {
    }

    /** A denial decided inside the operation's transaction (rolled back, then audited and thrown). */
    private static final class Refused extends RuntimeException {
        private final DenialReason reason;

        Refused(DenialReason reason) {
            super(reason.slug(), null, false, false);
            this.reason = reason;
        }
    }

    /**
     * Decides {@code action} (for a subject: with their bases) without running anything: a denial is audited and
     * thrown as in {@link #run}, an unknown or erased subject audited NOT_FOUND and thrown; a permit writes nothing
     * (the operation's own {@link #run} decides again and audits). For operations that prepare expensive input
     * (fingerprint extraction) outside their transaction, so a denied caller costs nothing.
     */
    public void require(RequestContext context, Action action, Optional<SubjectId> subject) {
        AccessDecision.Permit permit = permit(context, action, subject);
        if (subject.isPresent()) {
            try {
                transactions.inTransaction(() -> subjectPermit(context, action, subject.get()));
            } catch (Refused r) {
                throw denied(context, action, subject, r.reason);
            } catch (RecordNotFoundException | SubjectErasedException e) {
                appendAlone(event(context, permit.role().name(), permit.purpose().value(), action, subject,
                        AuditOutcome.NOT_FOUND));
                throw e;
            }
        }
    }

    /**
     * Appends one FAILED event, in a transaction of its own, for a permitted operation that failed while preparing
     * its input, before {@link #run} (e.g. a rejected fingerprint image). Denied callers are audited as DENIED.
     */
    public void recordFailure(RequestContext context, Action action, Optional<SubjectId> subject) {
        AccessDecision.Permit permit = permit(context, action, subject);
        appendAlone(event(context, permit.role().name(), permit.purpose().value(), action, subject,
                AuditOutcome.FAILED));
    }

    /**
     * Decides {@code action} (audited under the action's name) and runs {@code work} if permitted; for a subject,
     * the decision includes the subject's bases, loaded in the work's transaction.
     */
    public <T> T run(RequestContext context, Action action, Optional<SubjectId> subject, Work<T> work) {
        AccessDecision.Permit permit = permit(context, action, subject);
        return execute(context, action, subject, Optional.empty(), permit, true, work);
    }

    /**
     * Decides {@code action} as a disclosure of personal data to {@code recipient}: role, purpose and action first;
     * then, inside the work's transaction, the recipient's {@code agreements} (loaded there, so a revocation
     * committed before is seen): the policy decision point requires an active one covering the purpose (else
     * NO_AGREEMENT, rolled back, audited DENIED with the recipient) and narrows the permit's fields to it
     * ({@link Trail#agreement} gives it to the work); then runs
     * {@code work} as {@link #run}, where {@link Trail#admits} decides each subject with their bases and the same
     * disclosure, and the work records {@link Trail#disclosed} or {@link Trail#withheld}.
     */
    public <T> T runDisclosure(RequestContext context, Action action, RecipientId recipient,
                               Supplier<List<DataSharingAgreement>> agreements, Work<T> work) {
        Optional<PendingDisclosure> to = Optional.of(new PendingDisclosure(recipient, agreements));
        AccessDecision.Permit permit = permit(context, action, Optional.empty(), Optional.of(recipient));
        return execute(context, action, Optional.empty(), to, permit, false, work);
    }

    /** A disclosure's recipient, and the loading of its agreements inside the operation's transaction. */
    private record PendingDisclosure(RecipientId recipient, Supplier<List<DataSharingAgreement>> agreements) {
        Disclosure load() {
            return new Disclosure(recipient, agreements.get());
        }
    }

    /**
     * Decides an enrolment ({@code action} ENROL or BIOMETRIC_ENROL) of the subject {@code created} about to be
     * created, on the bases {@code requested} given in the request (its consent), and runs {@code work} if
     * permitted. Refused, audited DENIED and nothing written, unless the bases give a valid basis for the declared
     * purpose and action (a biometric one for biometric capture) and for REG.ENROL.
     */
    public <T> T runEnrolment(RequestContext context, Action action, SubjectId created, SubjectBases requested,
                              Work<T> work) {
        AccessDecision.Permit permit = permit(context, action, Optional.empty());
        AccessDecision.Permit withBasis = decideOrDeny(context, context.declaredPurpose(), action, created, requested);
        if (!permit.purpose().value().equals(ENROL_PURPOSE)) {
            decideOrDeny(context, Optional.of(ENROL_PURPOSE), Action.ENROL, created, requested);
        }
        return execute(context, action, Optional.empty(), Optional.empty(), withBasis, false, work);
    }

    private AccessDecision.Permit decideOrDeny(RequestContext context, Optional<String> purpose, Action action,
                                               SubjectId created, SubjectBases requested) {
        AccessDecision decision = policy.decide(new AccessRequest(context.actor(), purpose, action,
                Optional.of(created), requested, Optional.empty()));
        if (decision instanceof AccessDecision.Deny deny) {
            throw denied(context, action, Optional.empty(), deny.reason());
        }
        return (AccessDecision.Permit) decision;
    }

    private <T> T execute(RequestContext context, Action action, Optional<SubjectId> subject,
                          Optional<PendingDisclosure> pending, AccessDecision.Permit rolePermit, boolean loadBases,
                          Work<T> work) {
        String role = rolePermit.role().name();
        String purpose = rolePermit.purpose().value();
        Optional<RecipientId> recipient = pending.map(PendingDisclosure::recipient);
        try {
            return transactions.inTransaction(() -> {
                Optional<Disclosure> disclosure = pending.map(PendingDisclosure::load);
                AccessDecision.Permit permit = disclosure.isPresent()
                        ? disclosurePermit(context, action, disclosure.get())
                        : loadBases && subject.isPresent()
                        ? subjectPermit(context, action, subject.get())
                        : rolePermit;
                Optional<DataSharingAgreement> agreement = disclosure.flatMap(d -> permit.agreement()
                        .flatMap(id -> d.agreements().stream().filter(a -> a.id().equals(id)).findFirst()));
                Trail trail = new Trail(permit, candidate -> admits(context, action, candidate, disclosure),
                        agreement);
                T result = work.execute(trail);
                List<Entry> entries = trail.entries.isEmpty()
                        ? List.of(new Entry(subject, AuditOutcome.SUCCESS, recipient))
                        : trail.entries;
                List<ChainedAuditEvent> appended = log.append(entries.stream()
                        .map(e -> event(context, role, purpose, action, e.subject(), e.outcome(), e.recipient()))
                        .toList());
                permit.breakGlass().ifPresent(grant -> breakGlassUses.used(grant,
                        appended.stream().map(ChainedAuditEvent::sequence).toList()));
                return result;
            });
        } catch (Refused r) {
            throw denied(context, action, subject, r.reason, recipient);
        } catch (RecordNotFoundException | SubjectErasedException e) {
            appendAlone(event(context, role, purpose, action, subject, AuditOutcome.NOT_FOUND, recipient));
            throw e;
        } catch (RegistrationException e) {
            appendAlone(event(context, role, purpose, action, subject, AuditOutcome.FAILED, recipient));
            throw e;
        } catch (DecryptionFailedException e) {
            appendAlone(event(context, role, purpose, action, subject, AuditOutcome.FAILED, recipient));
            throw new RecordIntegrityException(e);
        }
    }

    /**
     * Inside a transaction: the decision for {@code subject} with their bases; a denial throws {@link Refused}.
     * A decision that needs no basis (purpose without subject basis, consent management) is taken without
     * loading anything, so it also reaches unknown and erased subjects (the work then answers for them).
     */
    private AccessDecision.Permit subjectPermit(RequestContext context, Action action, SubjectId subject) {
        AccessDecision decision = decideFor(context, action, subject, SubjectBases.none(), Optional.empty());
        if (!decision.permitted()) {
            decision = decideFor(context, action, subject, bases.load(subject), Optional.empty());
        }
        if (decision instanceof AccessDecision.Deny deny) {
            throw new Refused(deny.reason());
        }
        return (AccessDecision.Permit) decision;
    }

    /** Inside a transaction: the decision on a disclosure (no subject) with its loaded agreements. */
    private AccessDecision.Permit disclosurePermit(RequestContext context, Action action, Disclosure disclosure) {
        AccessDecision decision = policy.decide(new AccessRequest(context.actor(), context.declaredPurpose(), action,
                Optional.empty(), SubjectBases.none(), Optional.of(disclosure)));
        if (decision instanceof AccessDecision.Deny deny) {
            throw new Refused(deny.reason());
        }
        return (AccessDecision.Permit) decision;
    }

    private boolean admits(RequestContext context, Action action, SubjectId subject, Optional<Disclosure> disclosure) {
        if (decideFor(context, action, subject, SubjectBases.none(), disclosure).permitted()) {
            return true;
        }
        SubjectBases loaded;
        try {
            loaded = bases.load(subject);
        } catch (RecordNotFoundException | SubjectErasedException gone) {
            return false;
        }
        return decideFor(context, action, subject, loaded, disclosure).permitted();
    }

    private AccessDecision decideFor(RequestContext context, Action action, SubjectId subject, SubjectBases known,
                                     Optional<Disclosure> disclosure) {
        return policy.decide(new AccessRequest(context.actor(), context.declaredPurpose(), action,
                Optional.of(subject), known, disclosure));
    }

    /**
     * For an operation whose effect lies outside the database (the key provider's keystore), which a rollback
     * cannot undo: decides {@code action}, runs {@code check} and commits its SUCCESS event (the permitted
     * intent) before anything changes; only then runs {@code effect} in a second transaction that ends with the
     * outcome event, SUCCESS, or FAILED for any exception (infrastructure failures included, as far as the
     * trail is still writable). A denial, or a {@link RegistrationException} from {@code check}, is audited as in
     * {@link #run} and {@code effect} never runs. A crash between the two leaves the intent in the trail.
     */
    public <T> T runWithExternalEffect(RequestContext context, Action action, Work<?> check, Work<T> effect) {
        run(context, action, Optional.empty(), check);
        try {
            return run(context, action, Optional.empty(), effect);
        } catch (RegistrationException e) {
            throw e;
        } catch (RuntimeException e) {
            AccessDecision decision = policy.decide(
                    new AccessRequest(context.actor(), context.declaredPurpose(), action, Optional.empty()));
            if (decision instanceof AccessDecision.Permit permit) {
                try {
                    appendAlone(event(context, permit.role().name(), permit.purpose().value(), action,
                            Optional.empty(), AuditOutcome.FAILED));
                } catch (RuntimeException trailUnavailable) {
                    e.addSuppressed(trailUnavailable);
                }
            }
            throw e;
        }
    }

    /**
     * Checks the key provider, decides on actor, purpose and action (no subject basis yet); a denial is audited
     * (own transaction) and thrown.
     */
    private AccessDecision.Permit permit(RequestContext context, Action action, Optional<SubjectId> subject) {
        return permit(context, action, subject, Optional.empty());
    }

    /** As {@link #permit(RequestContext, Action, Optional)}; a denial audited with {@code recipient} if given. */
    private AccessDecision.Permit permit(RequestContext context, Action action, Optional<SubjectId> subject,
                                         Optional<RecipientId> recipient) {
        keyCheck.ensureVerified();
        AccessDecision decision = policy.decide(new AccessRequest(context.actor(), context.declaredPurpose(), action,
                Optional.empty(), SubjectBases.none(), Optional.empty()));
        if (!(decision instanceof AccessDecision.Permit permit)) {
            throw denied(context, action, subject, ((AccessDecision.Deny) decision).reason(), recipient);
        }
        return permit;
    }

    /** Appends the DENIED event (own transaction) and returns the exception to throw. */
    private AccessDeniedException denied(RequestContext context, Action action, Optional<SubjectId> subject,
                                         DenialReason reason) {
        return denied(context, action, subject, reason, Optional.empty());
    }

    private AccessDeniedException denied(RequestContext context, Action action, Optional<SubjectId> subject,
                                         DenialReason reason, Optional<RecipientId> recipient) {
        String roles = context.actor().roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
        appendAlone(event(context, roles, recordedPurpose(context), action, subject, AuditOutcome.DENIED,
                recipient));
        return new AccessDeniedException(reason);
    }

    private void appendAlone(AuditEvent event) {
        transactions.inNewTransaction(() -> log.append(List.of(event)));
    }

    private AuditEvent event(RequestContext context, String role, String purpose, Action action,
                             Optional<SubjectId> subject, AuditOutcome outcome) {
        return event(context, role, purpose, action, subject, outcome, Optional.empty());
    }

    private AuditEvent event(RequestContext context, String role, String purpose, Action action,
                             Optional<SubjectId> subject, AuditOutcome outcome, Optional<RecipientId> recipient) {
        return new AuditEvent(clock.instant().truncatedTo(ChronoUnit.MICROS), context.actor().username(), role,
                purpose, action.name(), subject.map(s -> pseudonyms.of(PseudonymDomain.AUDIT, s)),
                recordedRequestId(context),
                outcome, recipient);
    }

    /**
     * The request id as records keep it (audit events, erasure receipts): as given when well-formed (1..100 of
     * letters, digits and {@code . _ : -}), else {@code <invalid>}, so a client cannot smuggle personal values into
     * a record through it.
     */
    public static String recordedRequestId(RequestContext context) {
        return REQUEST_ID.matcher(context.requestId()).matches() ? context.requestId() : INVALID;
    }

    private static String recordedPurpose(RequestContext context) {
        return context.declaredPurpose()
                .map(p -> {
                    try {
                        return PurposeCode.of(p).value();
                    } catch (IllegalArgumentException e) {
                        return INVALID;
                    }
                })
                .orElse("");
    }
}
