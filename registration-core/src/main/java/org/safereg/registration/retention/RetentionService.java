package org.safereg.registration.retention;

import java.sql.Array;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.safereg.keys.DataCategory;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.Action;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PurposeCatalogue;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.consent.BasisRecord;
import org.safereg.privacy.consent.ConsentStatus;
import org.safereg.registration.RequestContext;
import org.safereg.registration.audit.AccessGuard;
import org.safereg.registration.individuals.IndividualService;
import org.safereg.registration.model.ErasureResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention (purpose ADMIN.RETENTION): erases the individuals whose every recorded basis has ended
 * ({@link RetentionRule}: consent withdrawn, refused or expired everywhere, non-consent bases past their validity
 * or past the purpose's retention period). {@link #report} is the dry run: exactly the subjects {@link #run} would
 * erase at that moment, with why (action RETENTION_REVIEW, one audit event per listed subject, NOT_FOUND when none).
 * {@link #run} re-evaluates each listed subject just before erasing it and erases through
 * {@link IndividualService#erase} (action ERASE: crypto-shredding with a signed receipt naming the purpose
 * ADMIN.RETENTION), one transaction per subject, so a failure leaves the others done and the next run retries.
 *
 * <p>Reads only the plaintext basis columns of the consent records (purpose, basis, status, times): no key is
 * unwrapped to decide. Thread-safe. Costs one query over the latest basis per subject and purpose; a run adds one
 * erasure per subject.
 */
public final class RetentionService {
    /** The latest record per (subject, purpose) of every individual not erased. */
    private static final String LATEST = """
            SELECT DISTINCT ON (p.subject_id, p.purpose) p.subject_id, p.purpose, p.legal_basis, p.status,
                   p.categories, p.recorded_at, p.valid_until
            FROM consent_purpose p JOIN individual i ON i.id = p.subject_id
            WHERE i.status <> 'ERASED'%s
            ORDER BY p.subject_id, p.purpose, p.recorded_at DESC, p.seq DESC""";

    private final AccessGuard guard;
    private final JdbcClient jdbc;
    private final IndividualService individuals;
    private final PurposeCatalogue catalogue;
    private final Clock clock;

    /** Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#retention()}. */
    public RetentionService(AccessGuard guard, JdbcClient jdbc, IndividualService individuals,
                            PurposeCatalogue catalogue, Clock clock) {
        this.guard = guard;
        this.jdbc = jdbc;
        this.individuals = individuals;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The dry run: the subjects a run now would erase, and why (action RETENTION_REVIEW). */
    public RetentionReport report(RequestContext context) {
        return guard.run(context, Action.RETENTION_REVIEW, Optional.empty(), trail -> {
            RetentionReport report = evaluate(Optional.empty());
            report.subjects().forEach(c -> trail.accessed(c.subject()));
            if (report.subjects().isEmpty()) {
                trail.nothingFound();
            }
            return report;
        });
    }

    /**
     * Erases every subject the dry run lists, each only if it is still a candidate when its turn comes. Returns the
     * subjects erased, with why, and their receipts.
     */
    public RetentionRun run(RequestContext context) {
        RetentionReport planned = report(context);
        List<RetentionRun.Erased> erased = new ArrayList<>();
        for (RetentionCandidate candidate : planned.subjects()) {
            Optional<RetentionCandidate> still = evaluate(Optional.of(candidate.subject())).subjects().stream()
                    .findFirst();
            if (still.isPresent()) {
                ErasureResult result = individuals.erase(context, candidate.subject());
                erased.add(new RetentionRun.Erased(still.get(), result.receipt()));
            }
        }
        return new RetentionRun(planned.asOf(), erased);
    }

    private RetentionReport evaluate(Optional<SubjectId> only) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<SubjectId, List<BasisRecord>> latest = new LinkedHashMap<>();
        var statement = jdbc.sql(String.format(LATEST, only.isPresent() ? " AND p.subject_id = ?" : ""));
        if (only.isPresent()) {
            statement = statement.param(only.get().value());
        }
        statement.query((rs, n) -> {
            SubjectId subject = new SubjectId(rs.getObject(1, UUID.class));
            Array categories = rs.getArray(5);
            Set<DataCategory> covered = EnumSet.noneOf(DataCategory.class);
            for (Object c : (Object[]) categories.getArray()) {
                covered.add(DataCategory.valueOf((String) c));
            }
            OffsetDateTime validUntil = rs.getObject(7, OffsetDateTime.class);
            latest.computeIfAbsent(subject, s -> new ArrayList<>()).add(new BasisRecord(
                    PurposeCode.of(rs.getString(2)), LegalBasis.valueOf(rs.getString(3)),
                    ConsentStatus.valueOf(rs.getString(4)), covered,
                    rs.getObject(6, OffsetDateTime.class).toInstant(),
                    Optional.ofNullable(validUntil).map(OffsetDateTime::toInstant)));
            return subject;
        }).list();
        List<RetentionCandidate> candidates = new ArrayList<>();
        latest.forEach((subject, records) -> RetentionRule.evaluate(records, catalogue, now)
                .ifPresent(ended -> candidates.add(new RetentionCandidate(subject, ended))));
        return new RetentionReport(now, candidates);
    }
}
