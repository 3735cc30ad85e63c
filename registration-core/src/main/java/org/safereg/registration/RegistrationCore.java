package org.safereg.registration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.safereg.keys.KekProvider;
import org.safereg.keys.KeyProviderUnavailableException;
import org.safereg.keys.SubjectKeyring;
import org.safereg.privacy.Action;
import org.safereg.privacy.PurposeCatalogue;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.PurposePolicy;
import org.safereg.privacy.Pseudonymizer;
import org.safereg.registration.audit.AccessGuard;
import org.safereg.registration.audit.AuditLog;
import org.safereg.registration.audit.AuditService;
import org.safereg.registration.biometrics.BiometricRecords;
import org.safereg.registration.biometrics.BiometricService;
import org.safereg.registration.consent.ConsentService;
import org.safereg.registration.consent.ConsentStore;
import org.safereg.registration.consent.SubjectBasesLoader;
import org.safereg.registration.biometrics.BiometricSettings;
import org.safereg.registration.breakglass.BreakGlassService;
import org.safereg.registration.breakglass.StoredGrants;
import org.safereg.registration.casenotes.CaseNoteService;
import org.safereg.registration.households.HouseholdService;
import org.safereg.registration.individuals.ErasureListener;
import org.safereg.registration.individuals.IndividualService;
import org.safereg.registration.keys.JdbcWrappedKeyRepository;
import org.safereg.registration.keys.KeyManagementService;
import org.safereg.registration.keys.KeyProviderCheck;
import org.safereg.registration.locations.LocationRepository;
import org.safereg.registration.locations.LocationService;
import org.safereg.registration.retention.RetentionService;
import org.safereg.registration.rights.ErasureReceipts;
import org.safereg.registration.rights.SubjectRightsService;
import org.safereg.registration.sharing.AgreementService;
import org.safereg.registration.sharing.AgreementStore;
import org.safereg.registration.sharing.TransferLedger;
import org.safereg.registration.sharing.TransferService;
import org.safereg.privacy.statistics.extract.RecipientPseudonyms;
import org.safereg.registration.statistics.ExtractService;
import org.safereg.registration.statistics.ExtractSettings;
import org.safereg.registration.statistics.ReleaseRegister;
import org.safereg.registration.statistics.StatisticsProjection;
import org.safereg.registration.statistics.StatisticsService;
import org.safereg.registration.statistics.StatisticsSettings;
import org.safereg.registration.storage.BlindIndexes;
import org.safereg.registration.storage.HouseholdStore;
import org.safereg.registration.storage.IdempotencyStore;
import org.safereg.registration.storage.IndividualStore;
import org.safereg.registration.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one wiring entry point of the registration core: the api and the tests construct everything through
 * {@link #create}, so policy enforcement, encryption and audit are wired identically everywhere.
 *
 * <p>The schema must exist ({@link Migrations#apply} or Spring Boot's Flyway on {@link Migrations#LOCATION}).
 * Thread-safe; create one per process. Construction checks that the key provider is the one the database was
 * encrypted with ({@link KeyProviderCheck}: one small transaction, writing the check row at the first start) and
 * throws {@link KeyProviderMismatchException} if not. It needs neither the key provider nor the database to be
 * up: if either is unavailable, the check runs before the first guarded operation instead, and the blind-index
 * and pseudonym secrets are derived from the provider on first use, so a server can start while its key provider
 * is down (calls then fail with {@link org.safereg.keys.KeyProviderUnavailableException} until it is back).
 *
 * <p>The fingerprint gallery lives in memory, so two processes over one database would not see each other's
 * biometric enrolments. Construction does not load it: call {@code biometrics().loadGallery()} before biometric
 * operations are served. {@link #close()} stops the gallery's search threads.
 */
public final class RegistrationCore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegistrationCore.class);

    private final IndividualService individuals;
    private final ConsentService consents;
    private final HouseholdService households;
    private final LocationService locations;
    private final KeyManagementService keyManagement;
    private final AuditService audit;
    private final BiometricService biometrics;
    private final SubjectKeyring keyring;
    private final Pseudonymizer pseudonymizer;
    private final IdempotencyRetention idempotencyRetention;
    private final BreakGlassService breakGlass;
    private final CaseNoteService caseNotes;
    private final SubjectRightsService subjectRights;
    private final RetentionService retention;
    private final AgreementService agreements;
    private final TransferService transfers;
    private final TransferLedger transferLedger;
    private final StatisticsService statistics;
    private final ExtractService extracts;

    private RegistrationCore(DataSource dataSource, KekProvider kek, PurposePolicy policy, Clock clock,
                             KeyProviderCheck keyCheck, BiometricSettings biometricSettings,
                             Duration breakGlassGrantDuration, StatisticsSettings statisticsSettings,
                             ExtractSettings extractSettings) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Transactions transactions = new Transactions(dataSource);
        JdbcWrappedKeyRepository wrappedKeys = new JdbcWrappedKeyRepository(jdbc);
        keyring = new SubjectKeyring(kek, wrappedKeys);
        pseudonymizer = new Pseudonymizer(kek);
        BlindIndexes indexes = new BlindIndexes(kek);
        AuditLog log = new AuditLog(dataSource);
        StatisticsProjection projection = new StatisticsProjection(jdbc, pseudonymizer);
        LocationRepository locationRepository = new LocationRepository(jdbc);
        IndividualStore individualStore = new IndividualStore(jdbc, keyring, indexes, projection);
        PurposeCatalogue catalogue = policy.catalogue();
        ConsentStore consentStore = new ConsentStore(jdbc, catalogue);
        StoredGrants grants = new StoredGrants(jdbc);
        SubjectBasesLoader bases = new SubjectBasesLoader(individualStore, consentStore, grants, clock);
        AccessGuard guard = new AccessGuard(policy, bases,
                log, transactions, pseudonymizer, clock, keyCheck, grants);
        HouseholdStore householdStore = new HouseholdStore(jdbc, keyring, individualStore, projection);
        IdempotencyStore idempotency = new IdempotencyStore(jdbc, indexes);
        biometrics = new BiometricService(guard, individualStore, locationRepository, idempotency, consentStore,
                keyring, jdbc, transactions, clock, biometricSettings);
        caseNotes = new CaseNoteService(guard, jdbc, individualStore, keyring, clock);
        breakGlass = new BreakGlassService(guard, jdbc, individualStore, keyring, clock, breakGlassGrantDuration);
        ErasureReceipts receipts = new ErasureReceipts(jdbc, kek);
        individuals = new IndividualService(guard, individualStore, householdStore, locationRepository, idempotency,
                consentStore, clock, ErasureListener.all(biometrics.erasureListener(), caseNotes.erasureListener()),
                receipts);
        transferLedger = new TransferLedger(jdbc);
        subjectRights = new SubjectRightsService(guard, individualStore, householdStore,
                new BiometricRecords(jdbc, keyring), consentStore, log, pseudonymizer, receipts,
                List.of(caseNotes.exportSection(), transferLedger.exportSection()), clock);
        retention = new RetentionService(guard, jdbc, individuals, bases, catalogue, clock);
        households = new HouseholdService(guard, individualStore, householdStore, locationRepository, idempotency,
                consentStore, clock);
        consents = new ConsentService(guard, individualStore, consentStore, clock);
        locations = new LocationService(locationRepository, transactions);
        keyManagement = new KeyManagementService(guard, kek, wrappedKeys);
        audit = new AuditService(guard, log, transactions, kek, clock);
        idempotencyRetention = new IdempotencyRetention(idempotency, transactions, clock);
        AgreementStore agreementStore = new AgreementStore(jdbc);
        agreements = new AgreementService(guard, agreementStore, clock, disclosable(policy));
        transfers = new TransferService(guard, agreementStore, transferLedger, individualStore, householdStore,
                locationRepository, clock);
        ReleaseRegister releaseRegister = new ReleaseRegister(jdbc, kek);
        statistics = new StatisticsService(guard, jdbc, transactions, pseudonymizer, agreementStore, releaseRegister,
                statisticsSettings, clock, new SecureRandom(),
                purpose -> policy.actionsCoveredBy(purpose).contains(Action.STATS_REGISTER));
        extracts = new ExtractService(guard, jdbc, pseudonymizer, new RecipientPseudonyms(kek), agreementStore,
                releaseRegister, statistics, extractSettings, clock);
    }

    /**
     * Purposes for which the policy's catalogue allows disclosure to recipients: it covers TRANSFER (personal
     * data), or STATS_RELEASE or STATS_EXTRACT (statistical outputs to a recipient under an agreement).
     */
    private static Predicate<PurposeCode> disclosable(PurposePolicy policy) {
        return purpose -> {
            Set<Action> actions = policy.actionsCoveredBy(purpose);
            return actions.contains(Action.TRANSFER) || actions.contains(Action.STATS_RELEASE)
                    || actions.contains(Action.STATS_EXTRACT);
        };
    }

    /**
     * Wires the services over {@code dataSource} (use a connection pool in production; transactions are
     * managed here with a {@code DataSourceTransactionManager}, so the data source must not be wrapped in
     * another transaction manager's proxy), the KEK provider, the policy decision point (its purpose catalogue
     * also gives the retention periods and the purposes that allow disclosure) and a clock (record timestamps; its
     * zone decides "today" for date validation).
     *
     * @throws KeyProviderMismatchException the key provider is not the one the database was encrypted with, or
     *         the database holds data keys or audit events but no key-provider check row: refuse to start (when
     *         the check had to wait for an unavailable provider or database, guarded calls throw it instead)
     * @throws org.springframework.dao.DataAccessException the schema is missing
     */
    public static RegistrationCore create(DataSource dataSource, KekProvider kek, PurposePolicy policy,
                                          Clock clock) {
        return create(dataSource, kek, policy, clock, BiometricSettings.defaults());
    }

    /** As {@link #create(DataSource, KekProvider, PurposePolicy, Clock)}, with biometric settings. */
    public static RegistrationCore create(DataSource dataSource, KekProvider kek, PurposePolicy policy,
                                          Clock clock, BiometricSettings biometricSettings) {
        return create(dataSource, kek, policy, clock, biometricSettings, BreakGlassService.DEFAULT_GRANT_DURATION);
    }

    /**
     * As {@link #create(DataSource, KekProvider, PurposePolicy, Clock, BiometricSettings)}, with the length
     * of an approved break-glass grant (positive; default 24 hours).
     */
    public static RegistrationCore create(DataSource dataSource, KekProvider kek, PurposePolicy policy,
                                          Clock clock, BiometricSettings biometricSettings,
                                          Duration breakGlassGrantDuration) {
        return create(dataSource, kek, policy, clock, biometricSettings, breakGlassGrantDuration,
                StatisticsSettings.defaults());
    }

    /**
     * As {@link #create(DataSource, KekProvider, PurposePolicy, Clock, BiometricSettings, Duration)}, with the
     * settings of statistical releases (bands, k and geography floor per profile, delta).
     */
    public static RegistrationCore create(DataSource dataSource, KekProvider kek, PurposePolicy policy,
                                          Clock clock, BiometricSettings biometricSettings,
                                          Duration breakGlassGrantDuration, StatisticsSettings statisticsSettings) {
        return create(dataSource, kek, policy, clock, biometricSettings, breakGlassGrantDuration, statisticsSettings,
                ExtractSettings.defaults());
    }

    /**
     * As {@link #create(DataSource, KekProvider, PurposePolicy, Clock, BiometricSettings, Duration,
     * StatisticsSettings)}, with the settings of microdata extracts (k, risk limits, search bound).
     */
    public static RegistrationCore create(DataSource dataSource, KekProvider kek, PurposePolicy policy,
                                          Clock clock, BiometricSettings biometricSettings,
                                          Duration breakGlassGrantDuration, StatisticsSettings statisticsSettings,
                                          ExtractSettings extractSettings) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(kek, "kek");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(biometricSettings, "biometricSettings");
        Objects.requireNonNull(breakGlassGrantDuration, "breakGlassGrantDuration");
        Objects.requireNonNull(statisticsSettings, "statisticsSettings");
        Objects.requireNonNull(extractSettings, "extractSettings");
        KeyProviderCheck keyCheck = new KeyProviderCheck(dataSource, kek);
        try {
            keyCheck.ensureVerified();
        } catch (KeyProviderUnavailableException | DataAccessResourceFailureException unavailable) {
            log.warn("The key provider check waits for the first request: the {} is unavailable at start",
                    unavailable instanceof KeyProviderUnavailableException ? "key provider" : "database");
        }
        return new RegistrationCore(dataSource, kek, policy, clock, keyCheck, biometricSettings,
                breakGlassGrantDuration, statisticsSettings, extractSettings);
    }

    public IndividualService individuals() {
        return individuals;
    }

    /** A subject's consent after enrolment: new records, withdrawals, history, re-consent at majority. */
    public ConsentService consents() {
        return consents;
    }

    public HouseholdService households() {
        return households;
    }

    public LocationService locations() {
        return locations;
    }

    public KeyManagementService keyManagement() {
        return keyManagement;
    }

    public AuditService audit() {
        return audit;
    }

    /** Fingerprint enrolment, adjudication, verification, identification, gallery load and re-extraction. */
    public BiometricService biometrics() {
        return biometrics;
    }

    /** Break-glass: vital-interest access without consent, approved by a second user, reviewed by the DPO. */
    public BreakGlassService breakGlass() {
        return breakGlass;
    }

    /** Protection case notes (own data key, own purpose PROT.CASE_NOTES). */
    public CaseNoteService caseNotes() {
        return caseNotes;
    }

    /** Subject rights: the complete export of one subject with their disclosure list, erasure receipts. */
    public SubjectRightsService subjectRights() {
        return subjectRights;
    }

    /**
     * Retention: the dry-run report and the run erasing individuals whose every basis has ended (retention periods
     * from the policy's purpose catalogue).
     */
    public RetentionService retention() {
        return retention;
    }

    /** Purging of expired idempotency records (schedule {@link IdempotencyRetention#purge(java.time.Duration)}). */
    public IdempotencyRetention idempotencyRetention() {
        return idempotencyRetention;
    }

    /** Data-sharing agreements (the data protection officer's administration). */
    public AgreementService agreements() {
        return agreements;
    }

    /** Transfers of personal data to recipients under agreements, and the record of them per subject. */
    public TransferService transfers() {
        return transfers;
    }

    /**
     * The record of transfers, unguarded: for services that list a subject's disclosures inside their own guarded
     * operation (the subject export).
     */
    public TransferLedger transferLedger() {
        return transferLedger;
    }

    /**
     * Aggregate statistical releases (tables under suppression or differential privacy), the release register
     * and the privacy budget.
     */
    public StatisticsService statistics() {
        return statistics;
    }

    /** Pseudonymised, k-anonymous microdata extracts for recipients under agreements, entered in the register. */
    public ExtractService extracts() {
        return extracts;
    }

    /** The subjects' keyring over the database (for modules that add categories, e.g. biometrics later). */
    public SubjectKeyring keyring() {
        return keyring;
    }

    /** The pseudonymizer (AUDIT and STATISTICS domains) bound to the key provider. */
    public Pseudonymizer pseudonymizer() {
        return pseudonymizer;
    }

    /** Stops the fingerprint gallery's search threads. The data source is the caller's to close. */
    @Override
    public void close() {
        biometrics.close();
    }
}
