package org.safereg.registration;

import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.safereg.keys.KekProvider;
import org.safereg.keys.SubjectKeyring;
import org.safereg.privacy.PolicyDecisionPoint;
import org.safereg.privacy.Pseudonymizer;
import org.safereg.registration.audit.AccessGuard;
import org.safereg.registration.audit.AuditLog;
import org.safereg.registration.audit.AuditService;
import org.safereg.registration.biometrics.BiometricService;
import org.safereg.registration.biometrics.BiometricSettings;
import org.safereg.registration.households.HouseholdService;
import org.safereg.registration.individuals.IndividualService;
import org.safereg.registration.keys.JdbcWrappedKeyRepository;
import org.safereg.registration.keys.KeyManagementService;
import org.safereg.registration.locations.LocationRepository;
import org.safereg.registration.locations.LocationService;
import org.safereg.registration.statistics.StatisticsProjection;
import org.safereg.registration.storage.BlindIndexes;
import org.safereg.registration.storage.HouseholdStore;
import org.safereg.registration.storage.IdempotencyStore;
import org.safereg.registration.storage.IndividualStore;
import org.safereg.registration.storage.Transactions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one wiring entry point of the registration core: the api and the tests construct everything through
 * {@link #create}, so policy enforcement, encryption and audit are wired identically everywhere.
 *
 * <p>The schema must exist ({@link Migrations#apply} or Spring Boot's Flyway on {@link Migrations#LOCATION}).
 * Thread-safe; create one per process (the fingerprint gallery lives in memory: two processes over one database
 * would not see each other's biometric enrolments). Construction derives the blind-index and pseudonym secrets
 * from the key provider (fails with {@link org.safereg.keys.KeyProviderUnavailableException} if it is down) and
 * does no database I/O: load the fingerprint gallery with {@code biometrics().loadGallery()} before biometric
 * operations are served. {@link #close()} stops the gallery's search threads.
 */
public final class RegistrationCore implements AutoCloseable {
    private final IndividualService individuals;
    private final HouseholdService households;
    private final LocationService locations;
    private final KeyManagementService keyManagement;
    private final AuditService audit;
    private final BiometricService biometrics;
    private final SubjectKeyring keyring;
    private final Pseudonymizer pseudonymizer;

    private RegistrationCore(DataSource dataSource, KekProvider kek, PolicyDecisionPoint policy, Clock clock,
                             BiometricSettings biometricSettings) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Transactions transactions = new Transactions(dataSource);
        JdbcWrappedKeyRepository wrappedKeys = new JdbcWrappedKeyRepository(jdbc);
        keyring = new SubjectKeyring(kek, wrappedKeys);
        pseudonymizer = new Pseudonymizer(kek);
        BlindIndexes indexes = new BlindIndexes(kek);
        AuditLog log = new AuditLog(dataSource);
        AccessGuard guard = new AccessGuard(policy, log, transactions, pseudonymizer, clock);
        StatisticsProjection statistics = new StatisticsProjection(jdbc, pseudonymizer);
        LocationRepository locationRepository = new LocationRepository(jdbc);
        IndividualStore individualStore = new IndividualStore(jdbc, keyring, indexes, statistics);
        HouseholdStore householdStore = new HouseholdStore(jdbc, keyring, individualStore, statistics);
        IdempotencyStore idempotency = new IdempotencyStore(jdbc, indexes);
        biometrics = new BiometricService(guard, individualStore, locationRepository, idempotency, keyring, jdbc,
                transactions, clock, biometricSettings);
        individuals = new IndividualService(guard, individualStore, householdStore, locationRepository, idempotency,
                clock, biometrics.erasureListener());
        households = new HouseholdService(guard, individualStore, householdStore, locationRepository, idempotency,
                clock);
        locations = new LocationService(locationRepository, transactions);
        keyManagement = new KeyManagementService(guard, kek, wrappedKeys);
        audit = new AuditService(guard, log, transactions, kek, clock);
    }

    /**
     * Wires the services over {@code dataSource} (use a connection pool in production; transactions are
     * managed here with a {@code DataSourceTransactionManager}, so the data source must not be wrapped in
     * another transaction manager's proxy), the KEK provider, the policy decision point and a clock (record
     * timestamps; its zone decides "today" for date validation).
     */
    public static RegistrationCore create(DataSource dataSource, KekProvider kek, PolicyDecisionPoint policy,
                                          Clock clock) {
        return create(dataSource, kek, policy, clock, BiometricSettings.defaults());
    }

    /** As {@link #create(DataSource, KekProvider, PolicyDecisionPoint, Clock)}, with biometric settings. */
    public static RegistrationCore create(DataSource dataSource, KekProvider kek, PolicyDecisionPoint policy,
                                          Clock clock, BiometricSettings biometricSettings) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(kek, "kek");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(biometricSettings, "biometricSettings");
        return new RegistrationCore(dataSource, kek, policy, clock, biometricSettings);
    }

    public IndividualService individuals() {
        return individuals;
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
