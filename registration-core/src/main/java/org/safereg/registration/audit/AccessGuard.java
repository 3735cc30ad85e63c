package org.safereg.registration.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.safereg.keys.DecryptionFailedException;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.AccessDecision;
import org.safereg.privacy.AccessRequest;
import org.safereg.privacy.Action;
import org.safereg.privacy.Disclosure;
import org.safereg.privacy.PolicyDecisionPoint;
import org.safereg.privacy.PseudonymDomain;
import org.safereg.privacy.Pseudonymizer;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.Role;
import org.safereg.privacy.SubjectBases;
import org.safereg.privacy.audit.AuditEvent;
import org.safereg.privacy.audit.AuditOutcome;
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
 * <li>asks the policy decision point; on deny appends a DENIED event in a transaction of its own and throws
 *     {@link AccessDeniedException};</li>
 * <li>on permit runs the work in one transaction and appends its audit events at the end of that same
 *     transaction (the audit head lock is held only from the append to the commit);</li>
 * <li>if the work throws a {@link RegistrationException}, rolls back and appends one NOT_FOUND (not found,
 *     erased) or FAILED event in a new transaction, then rethrows; a ciphertext that fails authentication is
 *     audited as FAILED and thrown as {@link RecordIntegrityException}. Infrastructure exceptions (database, key
 *     provider) propagate without an audit event (nothing was done, and the trail may be unreachable).</li>
 * </ol>
 * The declared purpose and request id are recorded only when well-formed ({@code <invalid>} otherwise), so a
 * client cannot smuggle personal values into the audit trail through them. Thread-safe.
 */
public final class AccessGuard {
    private static final String INVALID = "<invalid>";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final PolicyDecisionPoint policy;
    private final AuditLog log;
    private final Transactions transactions;
    private final Pseudonymizer pseudonyms;
    private final Clock clock;
    private final KeyProviderCheck keyCheck;

    public AccessGuard(PolicyDecisionPoint policy, AuditLog log, Transactions transactions, Pseudonymizer pseudonyms,
                       Clock clock, KeyProviderCheck keyCheck) {
        this.policy = policy;
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
     * The audit events of one permitted operation, appended when the work returns. If the work records none,
     * one SUCCESS event for the subject of the decision (if any) is appended. For a disclosure
     * ({@link #runDisclosure}) it also answers the permit and per-subject decisions.
     */
    public static final class Trail {
        private final List<Entry> entries = new ArrayList<>();
        private final AccessDecision.Permit permit;
        private final SubjectDecider decider;

        private Trail(AccessDecision.Permit permit, SubjectDecider decider) {
            this.permit = permit;
            this.decider = decider;
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
         * The work withheld this subject from a disclosure to {@code recipient} because the policy decision point
         * denied it for them (audited DENIED with the recipient; nothing of theirs was read).
         */
        public void withheld(SubjectId subject, RecipientId recipient) {
            entries.add(new Entry(Optional.of(subject), AuditOutcome.DENIED, Optional.of(recipient)));
        }

        /** The work administered something concerning {@code recipient} (an agreement) without personal data. */
        public void concerning(RecipientId recipient) {
            entries.add(new Entry(Optional.empty(), AuditOutcome.SUCCESS, Optional.of(recipient)));
        }

        /** The permit the work runs under (its fields, basis and agreement). */
        public AccessDecision.Permit permit() {
            return permit;
        }

        /**
         * The decision for one subject of the operation: same actor, purpose, action and disclosure, with the
         * subject and its recorded {@code bases}. Records nothing: the work records {@link #disclosed} or
         * {@link #withheld}.
         */
        public AccessDecision decide(SubjectId subject, SubjectBases bases) {
            return decider.decide(subject, bases);
        }
    }

    @FunctionalInterface
    private interface SubjectDecider {
        AccessDecision decide(SubjectId subject, SubjectBases bases);
    }

    private record Entry(Optional<SubjectId> subject, AuditOutcome outcome, Optional<RecipientId> recipient) {
    }

    /**
     * Decides {@code action} without running anything: a denial is audited and thrown as in {@link #run}; a permit
     * writes nothing (the operation's own {@link #run} decides again and audits). For operations that prepare
     * expensive input (fingerprint extraction) outside their transaction, so a denied caller costs nothing.
     */
    public void require(RequestContext context, Action action, Optional<SubjectId> subject) {
        permit(context, action, subject, Optional.empty());
    }

    /**
     * Appends one FAILED event, in a transaction of its own, for a permitted operation that failed while preparing
     * its input, before {@link #run} (e.g. a rejected fingerprint image). Denied callers are audited as DENIED.
     */
    public void recordFailure(RequestContext context, Action action, Optional<SubjectId> subject) {
        AccessDecision.Permit permit = permit(context, action, subject, Optional.empty());
        appendAlone(event(context, permit.role().name(), permit.purpose().value(), action, subject,
                AuditOutcome.FAILED, Optional.empty()));
    }

    /** Decides {@code action} (audited under the action's name) and runs {@code work} if permitted. */
    public <T> T run(RequestContext context, Action action, Optional<SubjectId> subject, Work<T> work) {
        return run(context, action, subject, Optional.empty(), work);
    }

    /**
     * Decides {@code action} as a disclosure of personal data to {@code disclosure.recipient()} (the policy decision
     * point requires an active agreement among {@code disclosure.agreements()} covering the purpose, and narrows
     * the permit's fields to it) and runs {@code work} if permitted, as {@link #run}. The work decides each
     * subject with {@link Trail#decide} and records {@link Trail#disclosed} or {@link Trail#withheld}; a denial
     * of the operation itself is audited with the recipient.
     */
    public <T> T runDisclosure(RequestContext context, Action action, Disclosure disclosure, Work<T> work) {
        return run(context, action, Optional.empty(), Optional.of(disclosure), work);
    }

    private <T> T run(RequestContext context, Action action, Optional<SubjectId> subject,
                      Optional<Disclosure> disclosure, Work<T> work) {
        AccessDecision.Permit permit = permit(context, action, subject, disclosure);
        String role = permit.role().name();
        String purpose = permit.purpose().value();
        Optional<RecipientId> recipient = disclosure.map(Disclosure::recipient);
        try {
            return transactions.inTransaction(() -> {
                Trail trail = new Trail(permit, (s, bases) -> policy.decide(new AccessRequest(context.actor(),
                        context.declaredPurpose(), action, Optional.of(s), bases, disclosure)));
                T result = work.execute(trail);
                List<Entry> entries = trail.entries.isEmpty()
                        ? List.of(new Entry(subject, AuditOutcome.SUCCESS, recipient))
                        : trail.entries;
                log.append(entries.stream()
                        .map(e -> event(context, role, purpose, action, e.subject(), e.outcome(), e.recipient()))
                        .toList());
                return result;
            });
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
                            Optional.empty(), AuditOutcome.FAILED, Optional.empty()));
                } catch (RuntimeException trailUnavailable) {
                    e.addSuppressed(trailUnavailable);
                }
            }
            throw e;
        }
    }

    /** Checks the key provider, decides; a denial is audited (own transaction) and thrown. */
    private AccessDecision.Permit permit(RequestContext context, Action action, Optional<SubjectId> subject,
                                         Optional<Disclosure> disclosure) {
        keyCheck.ensureVerified();
        AccessDecision decision = policy.decide(new AccessRequest(context.actor(), context.declaredPurpose(), action,
                subject, SubjectBases.none(), disclosure));
        if (!(decision instanceof AccessDecision.Permit permit)) {
            AccessDecision.Deny deny = (AccessDecision.Deny) decision;
            String roles = context.actor().roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
            appendAlone(event(context, roles, recordedPurpose(context), action, subject, AuditOutcome.DENIED,
                    disclosure.map(Disclosure::recipient)));
            throw new AccessDeniedException(deny.reason());
        }
        return permit;
    }

    private void appendAlone(AuditEvent event) {
        transactions.inNewTransaction(() -> log.append(List.of(event)));
    }

    private AuditEvent event(RequestContext context, String role, String purpose, Action action,
                             Optional<SubjectId> subject, AuditOutcome outcome, Optional<RecipientId> recipient) {
        String requestId = REQUEST_ID.matcher(context.requestId()).matches() ? context.requestId() : INVALID;
        return new AuditEvent(clock.instant().truncatedTo(ChronoUnit.MICROS), context.actor().username(), role,
                purpose, action.name(), subject.map(s -> pseudonyms.of(PseudonymDomain.AUDIT, s)), requestId,
                outcome, recipient);
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
