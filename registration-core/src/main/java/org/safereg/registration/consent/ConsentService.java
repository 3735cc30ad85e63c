package org.safereg.registration.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.Action;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.consent.ConsentDeclaration;
import org.safereg.privacy.consent.ConsentId;
import org.safereg.privacy.consent.ConsentRecord;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.RequestContext;
import org.safereg.registration.ValidationException;
import org.safereg.registration.audit.AccessGuard;
import org.safereg.registration.storage.IndividualStore;

/**
 * A subject's consent after enrolment (enrolment itself carries the first consent record): record a new consent
 * record (consent given again, updated, or refused), withdraw consent for one purpose (effective immediately: the
 * next decision for that purpose sees it), read the history, and list the children whose records flag re-consent
 * at majority. Every call is decided and audited by the access guard (actions CONSENT_RECORD, CONSENT_WITHDRAW,
 * CONSENT_READ: covered by REG.ENROL and SUBJECT_REQUEST by default; they need no subject basis, so a subject can
 * always withdraw or give consent again; the re-consent listing is RECONSENT_REVIEW: by default only the data
 * protection officer under SUBJECT_REQUEST). A declaration answering for a purpose the catalogue does not know is
 * refused ({@link ValidationException}); one declaring vital interest or a prohibited purpose cannot be built.
 *
 * <p>Thread-safe. Costs: one KEK unwrap (the subject's DEMOGRAPHIC key) to record or read records; a withdrawal
 * needs none; a few indexed SQL statements and one audit append per call.
 */
public final class ConsentService {
    /** Most subjects one re-consent query returns. */
    public static final int MAX_RECONSENT_RESULTS = 1000;

    private final AccessGuard guard;
    private final IndividualStore individuals;
    private final ConsentStore store;
    private final Clock clock;

    /** Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#consents()}. */
    public ConsentService(AccessGuard guard, IndividualStore individuals, ConsentStore store, Clock clock) {
        this.guard = guard;
        this.individuals = individuals;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Appends a new consent record for an enrolled subject (action CONSENT_RECORD); its answers supersede earlier
     * ones for the same purposes from now on. Holds the individual's row lock while appending, so a record never
     * lands beside a concurrent erasure (which takes the same lock first).
     *
     * @throws ValidationException an answer for a purpose the catalogue does not know
     * @throws RecordNotFoundException no such individual
     * @throws org.safereg.registration.SubjectErasedException the individual was erased
     */
    public ConsentRecord record(RequestContext context, SubjectId subject, ConsentDeclaration declaration) {
        Objects.requireNonNull(declaration, "declaration");
        return guard.run(context, Action.CONSENT_RECORD, Optional.of(subject), trail -> {
            individuals.requireActive(subject, true);
            ConsentRecord record = new ConsentRecord(ConsentId.random(), subject, context.actor().username(), now(),
                    declaration);
            store.append(individuals.open(subject), record);
            trail.accessed(subject);
            return record;
        });
    }

    /**
     * Withdraws the subject's consent for {@code purpose} (action CONSENT_WITHDRAW), effective immediately for all
     * later processing for that purpose.
     *
     * @throws ValidationException the subject's current answer for the purpose is not GIVEN (nothing to withdraw)
     * @throws RecordNotFoundException no such individual
     * @throws org.safereg.registration.SubjectErasedException the individual was erased
     */
    public Withdrawal withdraw(RequestContext context, SubjectId subject, PurposeCode purpose) {
        Objects.requireNonNull(purpose, "purpose");
        return guard.run(context, Action.CONSENT_WITHDRAW, Optional.of(subject), trail -> {
            individuals.requireActive(subject, true);
            Withdrawal withdrawal = store.withdraw(subject, purpose, now())
                    .orElseThrow(() -> ValidationException.of("purpose", "no consent given for this purpose"));
            trail.accessed(subject);
            return withdrawal;
        });
    }

    /**
     * The subject's consent records (decrypted), withdrawals and current standing per purpose (action
     * CONSENT_READ).
     *
     * @throws RecordNotFoundException no such individual
     * @throws org.safereg.registration.SubjectErasedException the individual was erased
     */
    public ConsentHistory history(RequestContext context, SubjectId subject) {
        return guard.run(context, Action.CONSENT_READ, Optional.of(subject), trail -> {
            individuals.requireActive(subject, false);
            ConsentHistory history = new ConsentHistory(store.records(individuals.open(subject), subject),
                    store.withdrawals(subject), store.currentBases(subject));
            trail.accessed(subject);
            return history;
        });
    }

    /**
     * Subjects whose latest consent record flags re-consent at majority in {@code month} or earlier, by due month,
     * at most {@link #MAX_RECONSENT_RESULTS} (action RECONSENT_REVIEW; each listed subject is audited). Ids and
     * months only: no personal data is decrypted, and the exact date of majority is not revealed.
     */
    public List<ReconsentDue> dueForReconsent(RequestContext context, YearMonth month) {
        Objects.requireNonNull(month, "month");
        return guard.run(context, Action.RECONSENT_REVIEW, Optional.empty(), trail -> {
            List<ReconsentDue> due = store.dueForReconsent(month, MAX_RECONSENT_RESULTS);
            due.forEach(d -> trail.accessed(d.subject()));
            if (due.isEmpty()) {
                trail.nothingFound();
            }
            return due;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
