package org.safereg.registration.statistics;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.safereg.privacy.Action;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.Pseudonymizer;
import org.safereg.privacy.sharing.AgreementId;
import org.safereg.privacy.sharing.DataSharingAgreement;
import org.safereg.privacy.sharing.RecipientId;
import org.safereg.privacy.statistics.CountTable;
import org.safereg.privacy.statistics.NoiseSpec;
import org.safereg.privacy.statistics.NoisyTable;
import org.safereg.privacy.statistics.NoisyTables;
import org.safereg.privacy.statistics.PriorReleases;
import org.safereg.privacy.statistics.ProtectedTable;
import org.safereg.privacy.statistics.ProtectionProfile;
import org.safereg.privacy.statistics.SuppressionPattern;
import org.safereg.privacy.statistics.SuppressionReason;
import org.safereg.privacy.statistics.TableCell;
import org.safereg.privacy.statistics.TableProtectionException;
import org.safereg.privacy.statistics.TableProtector;
import org.safereg.privacy.statistics.noise.Rational;
import org.safereg.privacy.statistics.noise.Rho;
import org.safereg.registration.FieldError;
import org.safereg.registration.Page;
import org.safereg.registration.PageRequest;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.RegistrationException;
import org.safereg.registration.RequestContext;
import org.safereg.registration.ValidationException;
import org.safereg.registration.audit.AccessGuard;
import org.safereg.registration.sharing.AgreementStore;
import org.safereg.registration.storage.Transactions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Aggregate statistical releases from the statistical projection, their register and the privacy budget. No
 * method reads or returns an identified record: tables are counted from the pseudonymous projection, and only
 * protected aggregates, manifests, register entries and budget figures leave.
 *
 * <p><b>A release</b> ({@link #release}, action STATS_RELEASE, by a STATISTICIAN under STATS.OPS or STATS.PUBLIC
 * by default): the specification is checked (every invalid field listed; the profile's geography floor; a
 * recipient for the AGREEMENT profile); with differential privacy the loss is reserved on the budget ledger first
 * (its own transaction: the cap row is locked, refused if it would be exceeded); then, in one transaction that
 * ends with the audit event: for a recipient, the recipient's active agreement covering the purpose is required
 * (the policy decision of a disclosure, audited with the recipient); persons whose latest answer for any STATS.*
 * purpose is WITHDRAWN or REFUSED are left out (erased persons are no longer in the projection); the projection is
 * counted over every known code of every dimension; the table is protected (suppression with the LP audit, or
 * noise); the CSV and the signed manifest are entered in the {@link ReleaseRegister} and the reservation
 * committed. A release that fails refunds its reservation. Suppression honours the population's earlier suppressed
 * tables ({@link PriorTables}: what they withheld stays withheld, what they published is never a complement); such
 * releases of one population are serialised (a lock held to the end of the transaction) so each sees the last.
 * The manifest gives the number of withheld cells, never why each was withheld (the register keeps the per-reason
 * counts for the data protection officer).
 *
 * <p><b>Reading</b> a release's CSV and manifest (STATS_RELEASE_READ) is limited to releases made under the purpose
 * declared, except for a purpose that also oversees the register (STATS_REGISTER: ADMIN.STATISTICS, the data
 * protection officer's), which reads every release; others answer not found. <b>The register</b> (list, verify:
 * STATS_REGISTER) and <b>budget caps</b> (STATS_BUDGET_MANAGE) are the data protection officer's; the budget left
 * (STATS_BUDGET_READ) is readable by statisticians too. Every call is decided and audited by the access guard.
 *
 * <p>Thread-safe. A release costs one scan of the population's projection rows (grouped in the database), the
 * protection (see {@link TableProtector}; the LP audit dominates on large tables), one signature and a few
 * inserts.
 */
public final class StatisticsService {
    private final AccessGuard guard;
    private final JdbcClient jdbc;
    private final Pseudonymizer pseudonyms;
    private final AgreementStore agreements;
    private final ReleaseRegister register;
    private final BudgetLedger ledger;
    private final StatisticsSettings settings;
    private final Clock clock;
    private final SecureRandom random;
    private final Predicate<PurposeCode> oversees;

    /**
     * Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#statistics()}.
     *
     * @param oversees whether a purpose oversees the register (it covers STATS_REGISTER): it may read every release
     */
    public StatisticsService(AccessGuard guard, JdbcClient jdbc, Transactions transactions, Pseudonymizer pseudonyms,
                             AgreementStore agreements, ReleaseRegister register, StatisticsSettings settings,
                             Clock clock, SecureRandom random, Predicate<PurposeCode> oversees) {
        this.guard = guard;
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
        this.agreements = agreements;
        this.register = register;
        this.ledger = new BudgetLedger(jdbc, transactions, settings.delta());
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.oversees = oversees;
    }

    /** The configuration releases are made with. */
    public StatisticsSettings settings() {
        return settings;
    }

    /**
     * Releases a table (see the class comment).
     *
     * @throws ValidationException an invalid specification; every problem listed, nothing released or spent
     * @throws StatisticalReleaseRefusedException AGREEMENT_REQUIRED, GEOGRAPHY_BELOW_FLOOR, NO_BUDGET_CAP,
     *         BUDGET_EXCEEDED, AUDIT_FAILED (no suppression pattern passes the audit, with the earlier releases);
     *         nothing released or spent
     * @throws org.safereg.registration.AccessDeniedException the policy's denial (for a recipient: NO_AGREEMENT)
     */
    public TableRelease release(RequestContext context, TableDraft draft) {
        guard.require(context, Action.STATS_RELEASE, Optional.empty());
        Instant now = now();
        TableSpecification spec;
        try {
            spec = parse(draft);
            requireProfileRules(spec);
        } catch (RegistrationException e) {
            guard.recordFailure(context, Action.STATS_RELEASE, Optional.empty());
            throw e;
        }
        UUID id = UUID.randomUUID();
        Optional<Rho> rho = spec.noise().map(NoiseSpec::rho);
        BudgetPeriod period = BudgetPeriod.of(now);
        if (rho.isPresent()) {
            try {
                ledger.reserve(id, spec.population(), period, rho.get(), context.actor().username(), now);
            } catch (StatisticalReleaseRefusedException e) {
                guard.recordFailure(context, Action.STATS_RELEASE, Optional.empty());
                throw e;
            }
        }
        try {
            AccessGuard.Work<TableRelease> work = trail -> produce(id, spec, trail.permit().purpose(),
                    trail.agreement().map(DataSharingAgreement::id), context.actor().username(), now, period);
            if (spec.recipient().isPresent()) {
                RecipientId recipient = spec.recipient().get();
                return guard.runDisclosure(context, Action.STATS_RELEASE, recipient,
                        () -> agreements.termsOf(recipient), work);
            }
            return guard.run(context, Action.STATS_RELEASE, Optional.empty(), work);
        } catch (RuntimeException e) {
            if (rho.isPresent()) {
                try {
                    ledger.refund(id, now());
                } catch (RuntimeException refundFailed) {
                    e.addSuppressed(refundFailed);
                }
            }
            throw e;
        }
    }

    /**
     * A registered release with its signed manifest (STATS_RELEASE_READ).
     *
     * @throws RecordNotFoundException no such release, or not one the declared purpose may read
     */
    public RegisteredRelease manifest(RequestContext context, UUID id) {
        return guard.run(context, Action.STATS_RELEASE_READ, Optional.empty(),
                trail -> readable(id, trail.permit().purpose()));
    }

    /** A release's CSV as registered, with its register entry. */
    public record ReleaseFile(RegisteredRelease release, byte[] csv) {
        public ReleaseFile {
            csv = csv.clone();
        }

        @Override
        public byte[] csv() {
            return csv.clone();
        }
    }

    /**
     * A registered release's CSV (STATS_RELEASE_READ).
     *
     * @throws RecordNotFoundException no such release, or not one the declared purpose may read
     */
    public ReleaseFile csv(RequestContext context, UUID id) {
        return guard.run(context, Action.STATS_RELEASE_READ, Optional.empty(), trail -> {
            RegisteredRelease release = readable(id, trail.permit().purpose());
            return new ReleaseFile(release, register.csv(id).orElseThrow());
        });
    }

    /** The release register, newest first (STATS_REGISTER), optionally of one kind. */
    public Page<RegisteredRelease> list(RequestContext context, PageRequest page, Optional<ReleaseKind> kind) {
        return guard.run(context, Action.STATS_REGISTER, Optional.empty(), trail -> register.list(page, kind));
    }

    /**
     * Verifies a registered release's signature and CSV digest (STATS_REGISTER).
     *
     * @throws RecordNotFoundException no such release
     */
    public ReleaseVerification verify(RequestContext context, UUID id) {
        return guard.run(context, Action.STATS_REGISTER, Optional.empty(),
                trail -> register.verify(id).orElseThrow(() -> new RecordNotFoundException("release")));
    }

    /** The budgets set (cap, spent, left), optionally of one population, newest quarter first (STATS_BUDGET_READ). */
    public List<BudgetStatus> budgets(RequestContext context, Optional<String> population) {
        return guard.run(context, Action.STATS_BUDGET_READ, Optional.empty(), trail -> ledger.statuses(population));
    }

    /**
     * Sets the budget cap of a population and quarter (STATS_BUDGET_MANAGE). A cap below what was already spent
     * leaves nothing to spend; it never undoes a release.
     *
     * @param population an admin0 P-code of the location catalogue
     * @param period a quarter, {@code 2026-Q4}
     * @param rho the cap in zCDP rho: a non-negative integer, fraction {@code p/q} or decimal
     * @throws ValidationException an unknown population, a malformed period or rho
     */
    public BudgetStatus setCap(RequestContext context, String population, String period, String rho) {
        return guard.run(context, Action.STATS_BUDGET_MANAGE, Optional.empty(), trail -> {
            List<FieldError> errors = new ArrayList<>();
            if (!isCountry(population)) {
                errors.add(new FieldError("population", "not an admin0 (country) P-code of the location catalogue"));
            }
            BudgetPeriod quarter = null;
            try {
                quarter = BudgetPeriod.parse(period);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("period", "a quarter YYYY-Qn, e.g. 2026-Q4"));
            }
            Rational cap = null;
            try {
                cap = Rationals.parse(rho == null ? "" : rho);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("rho", "a non-negative integer, fraction p/q or decimal"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return ledger.setCap(population, quarter, new Rho(cap), context.actor().username(), now());
        });
    }

    // ---------------------------------------------------------------- a release, inside its transaction

    private TableRelease produce(UUID id, TableSpecification spec, PurposeCode purpose,
                                 Optional<AgreementId> agreement, String actor,
                                 Instant now, BudgetPeriod period) {
        long t0 = System.nanoTime();
        List<String> excluded = ConsentExclusions.of(jdbc, pseudonyms);
        int referenceYear = now.atZone(ZoneOffset.UTC).getYear();
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Axis.Context context = locations(spec.population(), referenceYear, month);
        List<Axis> axes = spec.dimensions().stream().map(d -> Axis.of(d, context)).toList();
        CountTable table = ProjectionTally.count(jdbc, axes, spec.unit(), spec.population(), excluded);
        Duration tally = Duration.ofNanos(System.nanoTime() - t0);

        Map<String, Object> protection = new LinkedHashMap<>();
        Map<String, Object> byReason = new LinkedHashMap<>();
        protection.put("geographyFloor", "ADMIN" + settings.profile(spec.profile()).geographyFloor());
        byte[] csv;
        int cells;
        int suppressed = 0;
        Duration suppression = Duration.ZERO;
        Duration audit = Duration.ZERO;
        Duration noise = Duration.ZERO;
        int repairRounds = 0;
        int cellsByLinearProgram = 0;
        long o0;
        Map<String, Object> specification = specification(spec, referenceYear, month);
        if (spec.noise().isEmpty()) {
            // one suppressed table of a population at a time, so each sees what the ones before it published
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("stat-table:" + spec.population())
                    .query(rs -> { });
            PriorReleases prior = PriorTables.of(jdbc, spec.population(), specification, table);
            ProtectedTable protectedTable;
            try {
                protectedTable = new TableProtector(settings.rules(spec.profile())).protect(table, prior);
            } catch (TableProtectionException e) {
                throw new StatisticalReleaseRefusedException(StatisticalReleaseRefusedException.Reason.AUDIT_FAILED);
            }
            SuppressionPattern pattern = protectedTable.pattern();
            suppression = protectedTable.timings().suppression();
            audit = protectedTable.timings().audit();
            repairRounds = protectedTable.timings().repairRounds();
            cellsByLinearProgram = protectedTable.audit().cellsByLinearProgram();
            o0 = System.nanoTime();
            List<TableCell> all = table.cells();
            cells = all.size();
            csv = ReleaseCsv.write(axes, spec.unit(), all, table::count, pattern::isSuppressed);
            for (Map.Entry<SuppressionReason, Integer> e : pattern.countsByReason().entrySet()) {
                byReason.put(e.getKey().name(), (long) e.getValue());
                suppressed += e.getValue();
            }
            protection.put("k", (long) settings.profile(spec.profile()).k());
            protection.put("groupDisclosureShare", Specifications.decimal(settings.groupDisclosureShare()));
            protection.put("sensitiveDimensions", spec.dimensions().stream().filter(StatisticalDimension::sensitive)
                    .map(StatisticalDimension::name).toList());
            protection.put("cells", (long) cells);
            // the total only: a count per reason would narrow what a withheld cell may hold (ReleaseCsv)
            protection.put("suppressedCells", (long) suppressed);
            protection.put("audit", Map.of("passed", true, "repairRounds", (long) repairRounds));
        } else {
            long n0 = System.nanoTime();
            NoiseSpec noiseSpec = spec.noise().get();
            NoisyTable noisy = NoisyTables.release(table, noiseSpec, random);
            o0 = System.nanoTime();
            noise = Duration.ofNanos(o0 - n0);
            CountTable published = noisy.published();
            List<TableCell> all = published.cells();
            cells = all.size();
            csv = ReleaseCsv.write(axes, spec.unit(), all, published::count, null);
            Rho spent = noisy.rho();
            protection.put("mechanism", noiseSpec.mechanism().name());
            protection.put("scale", noiseSpec.scale().toString());
            protection.put("cells", (long) cells);
            protection.put("rho", spent.value().toString());
            protection.put("epsilon", Specifications.decimal(spent.epsilonAt(settings.delta())));
            protection.put("delta", Specifications.decimal(settings.delta()));
            protection.put("budget", Map.of("population", spec.population(), "period", period.toString()));
        }
        RegisteredRelease registered = register.enter(new ReleaseEntry(id, ReleaseKind.TABLE, purpose,
                Optional.of(spec.profile().name()), spec.method().name(), Optional.of(spec.population()),
                spec.recipient(), agreement, actor, now, specification, protection,
                byReason.isEmpty() ? Map.of() : Map.of("suppressedCellsByReason", byReason), csv));
        if (spec.noise().isPresent()) {
            ledger.commit(id, now);
        }
        Duration output = Duration.ofNanos(System.nanoTime() - o0);
        return new TableRelease(registered, cells, suppressed,
                new ReleaseTimings(tally, suppression, audit, noise, output, repairRounds,
                        cellsByLinearProgram));
    }

    private Map<String, Object> specification(TableSpecification spec, int referenceYear, YearMonth month) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("dimensions", spec.dimensions().stream().map(StatisticalDimension::name).toList());
        s.put("unit", spec.unit().name());
        s.put("profile", spec.profile().name());
        s.put("method", spec.method().name());
        s.put("population", spec.population());
        s.put("referenceYear", (long) referenceYear);
        Specifications.codings(s, spec.dimensions(), settings, month);
        spec.noise().ifPresent(n -> s.put("noise", Map.of("mechanism", n.mechanism().name(),
                "scale", n.scale().toString())));
        return s;
    }

    /** The release, if the declared purpose may read it; otherwise not found, as if it did not exist. */
    private RegisteredRelease readable(UUID id, PurposeCode purpose) {
        return register.find(id)
                .filter(r -> oversees.test(purpose) || r.purpose().equals(purpose.value()))
                .orElseThrow(() -> new RecordNotFoundException("release"));
    }

    // ---------------------------------------------------------------- checks

    /** The checked specification, or every problem of the draft. */
    private TableSpecification parse(TableDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        List<StatisticalDimension> dimensions = Specifications.dimensions(errors, "dimensions", "dimension",
                draft.dimensions(), TableSpecification.MAX_DIMENSIONS);
        StatisticalUnit unit = choice(errors, "unit", draft.unit().orElse("PERSONS"), StatisticalUnit.class);
        ProtectionProfile profile = draft.profile() == null ? null
                : choice(errors, "profile", draft.profile(), ProtectionProfile.class);
        if (draft.profile() == null) {
            errors.add(new FieldError("profile", "required: PUBLIC or AGREEMENT"));
        }
        ProtectionMethod method = choice(errors, "method", draft.method().orElse("SUPPRESSION"),
                ProtectionMethod.class);
        Optional<NoiseSpec> noise = Optional.empty();
        if (method == ProtectionMethod.DIFFERENTIAL_PRIVACY) {
            NoiseSpec.Mechanism mechanism = draft.mechanism().isEmpty() ? null
                    : choice(errors, "mechanism", draft.mechanism().get(), NoiseSpec.Mechanism.class);
            if (draft.mechanism().isEmpty()) {
                errors.add(new FieldError("mechanism", "required with DIFFERENTIAL_PRIVACY: DISCRETE_GAUSSIAN or "
                        + "DISCRETE_LAPLACE"));
            }
            Rational scale = null;
            try {
                scale = Rationals.parse(draft.scale().orElseThrow(IllegalArgumentException::new));
                if (scale.isZero()) {
                    throw new IllegalArgumentException("zero");
                }
            } catch (IllegalArgumentException e) {
                scale = null;
                errors.add(new FieldError("scale", "required with DIFFERENTIAL_PRIVACY: a positive integer, fraction "
                        + "p/q or decimal (sigma squared for DISCRETE_GAUSSIAN, b for DISCRETE_LAPLACE)"));
            }
            if (unit == StatisticalUnit.HOUSEHOLDS) {
                errors.add(new FieldError("unit", "differential privacy is available for unit PERSONS only"));
            }
            if (mechanism != null && scale != null) {
                noise = Optional.of(new NoiseSpec(mechanism, scale));
            }
        } else if (draft.mechanism().isPresent() || draft.scale().isPresent()) {
            errors.add(new FieldError("method", "mechanism and scale apply to DIFFERENTIAL_PRIVACY only"));
        }
        if (draft.population() == null || !isCountry(draft.population())) {
            errors.add(new FieldError("population", "an admin0 (country) P-code of the location catalogue"));
        }
        Optional<RecipientId> recipient = Optional.empty();
        if (draft.recipient().isPresent()) {
            try {
                recipient = Optional.of(RecipientId.of(draft.recipient().get()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("recipient", "2 to 64 letters, digits, '.', '_' or '-', starting with a "
                        + "letter or digit"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new TableSpecification(dimensions, unit, profile, noise, draft.population(), recipient);
    }

    /** The profile's rules: the geography floor, and a recipient (with its agreement) for AGREEMENT. */
    private void requireProfileRules(TableSpecification spec) {
        if (spec.adminLevel() > settings.profile(spec.profile()).geographyFloor()) {
            throw new StatisticalReleaseRefusedException(StatisticalReleaseRefusedException.Reason.GEOGRAPHY_BELOW_FLOOR);
        }
        if (spec.profile() == ProtectionProfile.AGREEMENT && spec.recipient().isEmpty()) {
            throw new StatisticalReleaseRefusedException(StatisticalReleaseRefusedException.Reason.AGREEMENT_REQUIRED);
        }
    }

    private static <E extends Enum<E>> E choice(List<FieldError> errors, String path, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            errors.add(new FieldError(path, "one of " + String.join(", ", names)));
            return null;
        }
    }

    /** Whether {@code pcode} is an admin0 (country) P-code of the location catalogue (also for extracts). */
    boolean isCountry(String pcode) {
        return pcode != null && jdbc.sql("SELECT count(*) FROM location WHERE pcode = ? AND admin_level = 0")
                .param(pcode).query(Long.class).single() == 1;
    }

    /** The admin1 and admin2 P-codes under {@code population}, from the location catalogue (also for extracts). */
    Axis.Context locations(String population, int referenceYear, YearMonth month) {
        List<String> admin1 = new ArrayList<>();
        Map<String, List<String>> admin2 = new HashMap<>();
        jdbc.sql("""
                        SELECT a1.pcode, a2.pcode FROM location a1 LEFT JOIN location a2
                            ON a2.parent_pcode = a1.pcode AND a2.admin_level = 2
                        WHERE a1.parent_pcode = ? AND a1.admin_level = 1 ORDER BY a1.pcode, a2.pcode""")
                .param(population)
                .query(rs -> {
                    String a1 = rs.getString(1);
                    if (!admin2.containsKey(a1)) {
                        admin1.add(a1);
                        admin2.put(a1, new ArrayList<>());
                    }
                    String a2 = rs.getString(2);
                    if (a2 != null) {
                        admin2.get(a1).add(a2);
                    }
                });
        return new Axis.Context(population, admin1, admin2, settings, referenceYear, month);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
