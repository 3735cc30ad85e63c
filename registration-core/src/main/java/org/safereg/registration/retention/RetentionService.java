package org.safereg.registration.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.Action;
import org.safereg.privacy.PurposeCatalogue;
import org.safereg.privacy.SubjectBases;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.RequestContext;
import org.safereg.registration.SubjectErasedException;
import org.safereg.registration.audit.AccessGuard;
import org.safereg.registration.audit.SubjectBasesSource;
import org.safereg.registration.individuals.IndividualService;
import org.safereg.registration.model.ErasureResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention (purpose ADMIN.RETENTION): erases the individuals whose every recorded basis has ended
 * ({@link RetentionRule}: consent withdrawn, refused or expired everywhere, non-consent bases past their validity
 * or past the purpose's retention period) and who hold no active break-glass grant (an approved, unexpired grant is
 * a basis of its own: vital interest). {@link #report} is the dry run: exactly the subjects {@link #run} would
 * erase at that moment, with why (action RETENTION_REVIEW, one audit event per listed subject, NOT_FOUND when none).
 * {@link #run} erases each listed subject through {@link IndividualService#eraseIf} (action ERASE:
 * crypto-shredding with a signed receipt naming the purpose ADMIN.RETENTION), one transaction per subject, and
 * re-evaluates the subject inside that transaction after locking their row, so a consent recorded (or a grant
 * approved) since the dry run keeps them; a failure leaves the others done and the next run retries.
 *
 * <p>Reads the subject's bases as the access guard does ({@link SubjectBasesSource}: the latest plaintext basis
 * row per purpose and the active grants): no key is unwrapped to decide. Thread-safe. Costs one query listing the
 * subjects with basis rows, then two or three indexed queries per subject; a run adds one erasure per subject.
 */
public final class RetentionService {
    /** Every individual not erased who has at least one basis row. */
    private static final String WITH_BASES = """
            SELECT DISTINCT p.subject_id FROM consent_purpose p JOIN individual i ON i.id = p.subject_id
            WHERE i.status <> 'ERASED' ORDER BY p.subject_id""";

    private final AccessGuard guard;
    private final JdbcClient jdbc;
    private final IndividualService individuals;
    private final SubjectBasesSource bases;
    private final PurposeCatalogue catalogue;
    private final Clock clock;

    /** Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#retention()}. */
    public RetentionService(AccessGuard guard, JdbcClient jdbc, IndividualService individuals,
                            SubjectBasesSource bases, PurposeCatalogue catalogue, Clock clock) {
        this.guard = guard;
        this.jdbc = jdbc;
        this.individuals = individuals;
        this.bases = bases;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The dry run: the subjects a run now would erase, and why (action RETENTION_REVIEW). */
    public RetentionReport report(RequestContext context) {
        return guard.run(context, Action.RETENTION_REVIEW, Optional.empty(), trail -> {
            Instant now = now();
            List<RetentionCandidate> candidates = new ArrayList<>();
            for (SubjectId subject : jdbc.sql(WITH_BASES).query((rs, n) -> new SubjectId(rs.getObject(1, UUID.class)))
                    .list()) {
                candidate(subject, now).ifPresent(candidates::add);
            }
            RetentionReport report = new RetentionReport(now, candidates);
            report.subjects().forEach(c -> trail.accessed(c.subject()));
            if (report.subjects().isEmpty()) {
                trail.nothingFound();
            }
            return report;
        });
    }

    /**
     * Erases every subject the dry run lists, each only if it is still a candidate inside its erasure transaction.
     * Returns the subjects erased, with why, and their receipts.
     */
    public RetentionRun run(RequestContext context) {
        RetentionReport planned = report(context);
        List<RetentionRun.Erased> erased = new ArrayList<>();
        for (RetentionCandidate candidate : planned.subjects()) {
            AtomicReference<RetentionCandidate> still = new AtomicReference<>();
            Optional<ErasureResult> result = individuals.eraseIf(context, candidate.subject(), subject -> {
                candidate(subject, now()).ifPresent(still::set);
                return still.get() != null;
            });
            result.filter(r -> !r.alreadyErased())
                    .ifPresent(r -> erased.add(new RetentionRun.Erased(still.get(), r.receipt())));
        }
        return new RetentionRun(planned.asOf(), erased);
    }

    /** The subject as a candidate (every basis ended, no active grant), in the caller's transaction. */
    private Optional<RetentionCandidate> candidate(SubjectId subject, Instant now) {
        SubjectBases held;
        try {
            held = bases.load(subject);
        } catch (RecordNotFoundException | SubjectErasedException gone) {
            return Optional.empty();
        }
        if (!held.grants().isEmpty()) {
            return Optional.empty();
        }
        return RetentionRule.evaluate(held.records(), catalogue, now)
                .map(ended -> new RetentionCandidate(subject, ended));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
