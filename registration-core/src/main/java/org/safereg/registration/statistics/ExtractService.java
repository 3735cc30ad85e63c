package org.safereg.registration.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.safereg.privacy.Action;
import org.safereg.privacy.Pseudonym;
import org.safereg.privacy.Pseudonymizer;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.sharing.AgreementId;
import org.safereg.privacy.sharing.DataSharingAgreement;
import org.safereg.privacy.sharing.RecipientId;
import org.safereg.privacy.statistics.ProtectionProfile;
import org.safereg.privacy.statistics.extract.AnonymisedMicrodata;
import org.safereg.privacy.statistics.extract.ExtractEpoch;
import org.safereg.privacy.statistics.extract.ExtractRefusedException;
import org.safereg.privacy.statistics.extract.Microdata;
import org.safereg.privacy.statistics.extract.MicrodataAnonymiser;
import org.safereg.privacy.statistics.extract.QuasiIdentifier;
import org.safereg.privacy.statistics.extract.QuasiIdentifierTreatment;
import org.safereg.privacy.statistics.extract.RecipientPseudonyms;
import org.safereg.privacy.statistics.extract.RiskBin;
import org.safereg.privacy.statistics.extract.RiskProfile;
import org.safereg.privacy.statistics.extract.RiskQuantile;
import org.safereg.privacy.statistics.extract.RiskReport;
import org.safereg.registration.FieldError;
import org.safereg.registration.RegistrationException;
import org.safereg.registration.RequestContext;
import org.safereg.registration.ValidationException;
import org.safereg.registration.rights.CanonicalJson;
import org.safereg.registration.audit.AccessGuard;
import org.safereg.registration.sharing.AgreementStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pseudonymised microdata extracts for a recipient under a data-sharing agreement (action STATS_EXTRACT, by a
 * STATISTICIAN under STATS.OPS by default). Nothing identified is read: the records come from the statistical
 * projection (one row per active person, keyed by the STATISTICS pseudonym, coarse columns only).
 *
 * <p><b>An extract</b> ({@link #extract}): the request is checked (1 to {@value #MAX_FIELDS} fields from the
 * projection's dimensions, at most one geographic and none finer than the AGREEMENT profile's geography floor; a
 * country; a recipient); then, in one transaction that ends with the audit event (naming the recipient): the
 * recipient's active agreement covering the purpose is required (the policy decision of a disclosure; otherwise
 * NO_AGREEMENT, audited DENIED); persons whose latest answer for any STATS.* purpose is WITHDRAWN or REFUSED are left out,
 * as in table releases (erased persons are no longer in the projection); each remaining person gets the
 * recipient's pseudonym for the epoch ({@link RecipientPseudonyms}: unlinkable across recipients and epochs);
 * every field is a quasi-identifier, coded as in tables ({@link Axis}: explicit {@code unknown}, age reached in the
 * reference year, ADMIN2 under ADMIN1); the {@link MicrodataAnonymiser} generalises and suppresses to k-anonymity
 * with the configured {@link ExtractSettings} and reports the risk, or refuses
 * ({@link StatisticalExtractRefusedException}, audited FAILED, nothing released); the records, sorted by pseudonym
 * (so their order says nothing about registration), are written as CSV with an HXL row ({@link ExtractCsv}) and
 * entered in the {@link ReleaseRegister} (kind EXTRACT, method {@value #METHOD}) with a signed manifest holding
 * the specification, the treatment and the risk after it. The risk before treatment (records violating k, unique
 * records, the class-size histogram of the untreated data) describes data the recipient never receives and would
 * narrow what was suppressed: it is kept in the register for the data protection officer only
 * ({@link ReleaseEntry#registerDetail}).
 *
 * <p><b>Epochs.</b> The recipient's current epoch is the highest used in its registered extracts (1 before the
 * first). An extract without an epoch uses the current one, so the recipient can follow the same (pseudonymous)
 * people across extracts; a higher epoch starts a new one; a lower one is refused (going back would make new
 * extracts linkable to those an epoch change meant to cut off). The first extract of an epoch pins its fields:
 * the records of one epoch's extracts can be joined on the pseudonym, so an extract with other fields (which,
 * joined, would combine quasi-identifiers past what either was made k-anonymous for) is refused
 * (NEW_EPOCH_REQUIRED) until a new epoch is started. Generalisation levels and local suppression may still differ
 * between extracts of one epoch with the same fields (the population changes): a recipient who joins them can
 * intersect a person's two generalised values, which may be narrower than either (a limit stated in
 * docs/statistics.md; start a new epoch when that matters).
 *
 * <p>Read the CSV and manifest like any release ({@link StatisticsService#csv}, {@link StatisticsService#manifest}).
 * Thread-safe. An extract costs one scan of the population's projection rows, one HMAC per person, the
 * anonymiser's search (see {@link MicrodataAnonymiser}), one signature and one insert.
 */
public final class ExtractService {
    /** Most fields of one extract. */
    public static final int MAX_FIELDS = MicrodataAnonymiser.MAX_QUASI_IDENTIFIERS;
    /** The register's {@code method} of extracts. */
    public static final String METHOD = "K_ANONYMITY";

    private final AccessGuard guard;
    private final JdbcClient jdbc;
    private final Pseudonymizer pseudonyms;
    private final RecipientPseudonyms recipientPseudonyms;
    private final AgreementStore agreements;
    private final ReleaseRegister register;
    private final StatisticsService statistics;
    private final ExtractSettings settings;
    private final Clock clock;

    /**
     * Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#extracts()}.
     *
     * @param statistics the table service, for the location catalogue and the bands its settings configure
     */
    public ExtractService(AccessGuard guard, JdbcClient jdbc, Pseudonymizer pseudonyms,
                          RecipientPseudonyms recipientPseudonyms, AgreementStore agreements, ReleaseRegister register,
                          StatisticsService statistics, ExtractSettings settings, Clock clock) {
        this.guard = guard;
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
        this.recipientPseudonyms = recipientPseudonyms;
        this.agreements = agreements;
        this.register = register;
        this.statistics = statistics;
        this.settings = settings;
        this.clock = clock;
    }

    /** The configuration extracts are made with. */
    public ExtractSettings settings() {
        return settings;
    }

    /** A checked extract request. */
    private record Specification(List<StatisticalDimension> fields, String population, RecipientId recipient,
                                 Optional<ExtractEpoch> epoch) {
        int adminLevel() {
            return fields.stream().mapToInt(StatisticalDimension::adminLevel).max().orElse(0);
        }
    }

    /**
     * Makes, registers and returns an extract (see the class comment).
     *
     * @throws ValidationException an invalid request (every problem listed), an epoch below the recipient's
     *         current one, or more fields than the configured search bound allows; nothing released
     * @throws StatisticalReleaseRefusedException GEOGRAPHY_BELOW_FLOOR; NEW_EPOCH_REQUIRED (other fields than the
     *         epoch's first extract); nothing released
     * @throws StatisticalExtractRefusedException the risk limits cannot be met; nothing released
     * @throws org.safereg.registration.AccessDeniedException the policy's denial (NO_AGREEMENT without an active
     *         agreement covering the purpose)
     */
    public ExtractRelease extract(RequestContext context, ExtractDraft draft) {
        guard.require(context, Action.STATS_EXTRACT, Optional.empty());
        Specification spec;
        try {
            spec = parse(draft);
            if (spec.adminLevel() > statistics.settings().profile(ProtectionProfile.AGREEMENT).geographyFloor()) {
                throw new StatisticalReleaseRefusedException(
                        StatisticalReleaseRefusedException.Reason.GEOGRAPHY_BELOW_FLOOR);
            }
        } catch (RegistrationException e) {
            guard.recordFailure(context, Action.STATS_EXTRACT, Optional.empty());
            throw e;
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return guard.runDisclosure(context, Action.STATS_EXTRACT, spec.recipient(),
                () -> agreements.termsOf(spec.recipient()), trail -> {
                    AgreementId agreement = trail.agreement().map(DataSharingAgreement::id).orElseThrow(
                            () -> new IllegalStateException("a disclosure was permitted without an agreement"));
                    return produce(id, spec, trail.permit().purpose(), agreement, context.actor().username(), now);
                });
    }

    // ---------------------------------------------------------------- an extract, inside its transaction

    private ExtractRelease produce(UUID id, Specification spec, PurposeCode purpose, AgreementId agreement,
                                   String actor, Instant now) {
        ExtractEpoch epoch = epoch(spec);
        int referenceYear = now.atZone(ZoneOffset.UTC).getYear();
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Axis.Context context = statistics.locations(spec.population(), referenceYear, month);
        List<Axis> axes = spec.fields().stream().map(d -> Axis.of(d, context)).toList();
        List<QuasiIdentifier> quasiIdentifiers = axes.stream().map(a -> QuasiIdentifier.of(a.tree())).toList();
        if (MicrodataAnonymiser.levelCombinations(quasiIdentifiers) > settings.maxLevelCombinations()) {
            throw ValidationException.of("fields", "too many fields for the configured search bound ("
                    + settings.maxLevelCombinations() + " generalisation level combinations)");
        }
        List<String> excluded = ConsentExclusions.of(jdbc, pseudonyms);
        List<Row> rows = read(axes, spec.population(), excluded,
                recipientPseudonyms.forRecipient(spec.recipient(), epoch));
        rows.sort(Comparator.comparing(Row::pseudonym));
        Microdata.Builder data = Microdata.builder(quasiIdentifiers, List.of(ExtractCsv.PSEUDONYM));
        for (Row row : rows) {
            data.add(row.codes(), List.of(row.pseudonym()));
        }
        AnonymisedMicrodata extract;
        try {
            extract = new MicrodataAnonymiser(settings.rules()).anonymise(data.build());
        } catch (ExtractRefusedException e) {
            throw new StatisticalExtractRefusedException(e.reason(), e.report());
        }
        byte[] csv = ExtractCsv.write(axes, extract);
        RegisteredRelease registered = register.enter(new ReleaseEntry(id, ReleaseKind.EXTRACT, purpose,
                Optional.of(ProtectionProfile.AGREEMENT.name()), METHOD, Optional.of(spec.population()),
                Optional.of(spec.recipient()), Optional.of(agreement), actor, now,
                specification(spec, epoch, referenceYear, month), protection(extract),
                Map.of("riskBefore", risk(extract.report().before())), csv));
        return new ExtractRelease(registered, epoch, extract.report());
    }

    /**
     * The requested epoch, or the recipient's current one; below the current one is refused, and so are fields other
     * than those of the epoch's first extract (NEW_EPOCH_REQUIRED). The recipient's extracts are serialised (a lock
     * on the recipient held to the end of the transaction), so two concurrent extracts cannot both start an epoch
     * with different fields.
     */
    private ExtractEpoch epoch(Specification spec) {
        String recipient = spec.recipient().value();
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("stat-extract:" + recipient).query(rs -> { });
        int latest = jdbc.sql("""
                        SELECT coalesce(max((specification::jsonb ->> 'epoch')::integer), 1) FROM stat_release
                        WHERE kind = 'EXTRACT' AND recipient = ?""")
                .param(recipient).query(Integer.class).single();
        ExtractEpoch current = ExtractEpoch.of(latest);
        ExtractEpoch requested = spec.epoch().orElse(current);
        if (requested.number() < current.number()) {
            throw ValidationException.of("epoch", "the recipient's current epoch is " + current
                    + ": use it, or a higher number to start a new epoch");
        }
        Optional<Set<String>> pinned = jdbc.sql("""
                        SELECT specification FROM stat_release
                        WHERE kind = 'EXTRACT' AND recipient = ? AND (specification::jsonb ->> 'epoch')::integer = ?
                        ORDER BY created_at, id LIMIT 1""")
                .params(recipient, requested.number()).query(String.class).optional()
                .map(s -> {
                    Set<String> fields = new HashSet<>();
                    CanonicalJson.parse(s).get("fields").forEach(f -> fields.add(f.asString()));
                    return fields;
                });
        Set<String> asked = new HashSet<>(spec.fields().stream().map(StatisticalDimension::name).toList());
        if (pinned.isPresent() && !pinned.get().equals(asked)) {
            throw new StatisticalReleaseRefusedException(StatisticalReleaseRefusedException.Reason.NEW_EPOCH_REQUIRED);
        }
        return requested;
    }

    /** One person of the extract: the recipient's pseudonym and a leaf code per field. */
    private record Row(String pseudonym, List<String> codes) {
    }

    /**
     * The population's projection rows less the excluded, coded per axis, with the recipient's pseudonyms. The SQL
     * is assembled from the axes' fixed expressions only; every value is a parameter.
     */
    private List<Row> read(List<Axis> axes, String population, List<String> excluded,
                           RecipientPseudonyms.RecipientPseudonymizer recipient) {
        List<String> columns = axes.stream().flatMap(a -> a.columns().stream()).toList();
        String sql = ProjectionTally.included(axes) + " SELECT u.pseudonym, " + String.join(", ", columns)
                + " FROM base u";
        List<Row> rows = new ArrayList<>();
        jdbc.sql(sql).params(excluded.toArray(String[]::new), population).query(rs -> {
            List<String> codes = new ArrayList<>(axes.size());
            int at = 2;
            for (Axis axis : axes) {
                int n = axis.columns().size();
                Object[] values = new Object[n];
                for (int i = 0; i < n; i++) {
                    values[i] = rs.getObject(at + i);
                }
                codes.add(axis.leaf(values));
                at += n;
            }
            rows.add(new Row(recipient.of(new Pseudonym(rs.getBytes(1))).value(), codes));
        });
        return rows;
    }

    // ---------------------------------------------------------------- manifest

    private Map<String, Object> specification(Specification spec, ExtractEpoch epoch, int referenceYear,
                                              YearMonth month) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("fields", spec.fields().stream().map(StatisticalDimension::name).toList());
        s.put("population", spec.population());
        s.put("epoch", (long) epoch.number());
        s.put("referenceYear", (long) referenceYear);
        Specifications.codings(s, spec.fields(), statistics.settings(), month);
        return s;
    }

    /** Treatment and risk; numbers that are not integers are written as decimal strings (canonical JSON). */
    private Map<String, Object> protection(AnonymisedMicrodata extract) {
        RiskReport report = extract.report();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("k", (long) report.k());
        p.put("limits", Map.of(
                "maxIndividualRisk", Specifications.decimal(report.limits().maxIndividualRisk()),
                "maxExpectedReidentificationShare",
                Specifications.decimal(report.limits().maxExpectedReidentificationShare())));
        p.put("missingValues", "a suppressed value is empty and counts as a category of its own");
        p.put("pseudonyms", Map.of("scheme", "HMAC-SHA256(HKDF-SHA256(KEK secret, recipient, epoch), STATISTICS "
                + "pseudonym), 128 bits, hex", "recipientScoped", true));
        List<Object> fields = new ArrayList<>();
        for (QuasiIdentifierTreatment t : report.loss().quasiIdentifiers()) {
            fields.add(Map.of("name", t.name(), "level", (long) t.level(), "height", (long) t.height(),
                    "valuesGeneralised", t.valuesGeneralised(), "valuesSuppressed", t.valuesSuppressed()));
        }
        p.put("fields", fields);
        p.put("informationLoss", Map.of("lossShare", Specifications.decimal(report.loss().lossShare()),
                "valuesSuppressed", report.loss().valuesSuppressed(),
                "recordsWithSuppression", report.loss().recordsWithSuppression()));
        p.put("riskAfter", risk(report.after()));
        p.put("levelCombinationsEvaluated", (long) report.levelCombinationsEvaluated());
        return p;
    }

    /** A risk profile for the manifest: risks as exact fractions {@code 1/f}. */
    private static Map<String, Object> risk(RiskProfile profile) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("records", profile.records());
        r.put("recordsViolatingK", profile.recordsViolatingK());
        r.put("uniqueRecords", profile.uniqueRecords());
        r.put("expectedReidentifications", profile.equivalenceClasses());
        r.put("expectedReidentificationShare", Specifications.decimal(profile.expectedReidentificationShare()));
        List<Object> quantiles = new ArrayList<>();
        for (RiskQuantile q : profile.quantiles()) {
            quantiles.add(Map.of("percent", (long) q.percent(), "risk", "1/" + q.classSize()));
        }
        r.put("individualRiskQuantiles", quantiles);
        List<Object> histogram = new ArrayList<>();
        for (RiskBin b : profile.histogram()) {
            String sizes = b.maxClassSize() == Integer.MAX_VALUE ? b.minClassSize() + "+"
                    : b.minClassSize() == b.maxClassSize() ? Integer.toString(b.minClassSize())
                    : b.minClassSize() + "-" + b.maxClassSize();
            histogram.add(Map.of("classSizes", sizes, "records", b.records(), "classes", b.classes()));
        }
        r.put("histogram", histogram);
        return r;
    }

    // ---------------------------------------------------------------- checks

    private Specification parse(ExtractDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        List<StatisticalDimension> fields = Specifications.dimensions(errors, "fields", "field", draft.fields(),
                MAX_FIELDS);
        if (draft.population() == null || !statistics.isCountry(draft.population())) {
            errors.add(new FieldError("population", "an admin0 (country) P-code of the location catalogue"));
        }
        RecipientId recipient = null;
        try {
            recipient = RecipientId.of(draft.recipient());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("recipient", "required: 2 to 64 letters, digits, '.', '_' or '-', starting "
                    + "with a letter or digit"));
        }
        Optional<ExtractEpoch> epoch = Optional.empty();
        if (draft.epoch().isPresent()) {
            try {
                epoch = Optional.of(ExtractEpoch.of(draft.epoch().get()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("epoch", "a positive integer"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Specification(fields, draft.population(), recipient, epoch);
    }
}
