package org.safereg.registration;

import java.time.Clock;
import javax.sql.DataSource;
import org.safereg.keys.KekProvider;
import org.safereg.keys.SubjectKeyring;
import org.safereg.privacy.PolicyDecisionPoint;
import org.safereg.privacy.Pseudonymizer;
import org.safereg.registration.audit.AuditService;
import org.safereg.registration.households.HouseholdService;
import org.safereg.registration.individuals.IndividualService;
import org.safereg.registration.keys.KeyManagementService;
import org.safereg.registration.locations.LocationService;

/**
 * The one wiring entry point of the registration core: the api and the tests construct everything through
 * {@link #create}, so policy enforcement, encryption and audit are wired identically everywhere.
 *
 * <p>The schema must exist ({@link Migrations#apply} or Spring Boot's Flyway on {@link Migrations#LOCATION}).
 * Thread-safe; create one per process. Construction does no I/O except deriving the blind-index and pseudonym
 * secrets from the key provider (fails with {@link org.safereg.keys.KeyProviderUnavailableException} if it is
 * down).
 */
public final class RegistrationCore {

    private RegistrationCore() {
    }

    /**
     * Wires the services over {@code dataSource} (use a connection pool in production; transactions are
     * managed here with a {@code DataSourceTransactionManager}), the KEK provider, the policy decision point
     * and a clock (record timestamps, validation of dates).
     */
    public static RegistrationCore create(DataSource dataSource, KekProvider kek, PolicyDecisionPoint policy,
                                          Clock clock) {
        throw new UnsupportedOperationException("TODO");
    }

    public IndividualService individuals() {
        throw new UnsupportedOperationException("TODO");
    }

    public HouseholdService households() {
        throw new UnsupportedOperationException("TODO");
    }

    public LocationService locations() {
        throw new UnsupportedOperationException("TODO");
    }

    public KeyManagementService keyManagement() {
        throw new UnsupportedOperationException("TODO");
    }

    public AuditService audit() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The subjects' keyring over the database (for modules that add categories, e.g. biometrics later). */
    public SubjectKeyring keyring() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The pseudonymizer (AUDIT and STATISTICS domains) bound to the key provider. */
    public Pseudonymizer pseudonymizer() {
        throw new UnsupportedOperationException("TODO");
    }
}
