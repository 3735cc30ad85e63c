package org.safereg.api.support;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.safereg.api.RegistryApplication;
import org.safereg.api.security.AccountService;
import org.safereg.keys.KekProvider;
import org.safereg.privacy.Role;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.model.Site;
import org.safereg.registration.model.SiteType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that share ONE running application (same configuration, so Spring caches the context
 * across test classes): real HTTP on a random port, a fresh database on the test PostgreSQL server
 * ({@link TestEnvironment}; its key provider is the local keystore, or Vault Transit on its test double with
 * {@code -Dsafereg.test.kek=vault}), a 64 KB body limit (2 MB on the biometric routes), the fingerprint gallery
 * loaded before the first test, and the key provider wrapped in the
 * {@link SwitchableKekProvider} test double. Provides one user per role with a known password, and a small
 * location hierarchy (country ZZ, ZZ01, ZZ0101 with site ZZ-S1).
 */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SwitchableKekProviderConfiguration.class)
public abstract class ApiIntegrationTest {
    public static final String ADMIN_PASSWORD = "admin-test-password-0001";
    public static final int MAX_BODY = 64 * 1024;
    public static final int MAX_BIOMETRIC_BODY = 2 * 1024 * 1024;
    private static final Map<Role, String> USERS = new EnumMap<>(Map.of(
            Role.REGISTRATION_OFFICER, "registrar",
            Role.PROTECTION_OFFICER, "protection",
            Role.STATISTICIAN, "statistician",
            Role.DATA_PROTECTION_OFFICER, "dpo",
            Role.ADMIN, AccountService.BOOTSTRAP_ADMIN,
            Role.ADJUDICATOR, "adjudicator"));
    private static boolean prepared;

    @LocalServerPort
    protected int port;
    @Autowired
    protected AccountService accounts;
    @Autowired
    protected RegistrationCore core;
    @Autowired
    protected KekProvider kek;
    @Autowired
    protected DataSource dataSource;

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry registry) {
        registry.add("registry.db.url", TestEnvironment::databaseUrl);
        registry.add("registry.db.user", TestEnvironment::databaseUser);
        registry.add("registry.db.password", TestEnvironment::databasePassword);
        registry.add("registry.data-dir", () -> TestEnvironment.dataDir().toString());
        registry.add("registry.keys.keystore-password", () -> TestEnvironment.KEYSTORE_PASSWORD);
        registry.add("registry.http.max-request-body", () -> MAX_BODY + "B");
        registry.add("registry.biometrics.max-request-body", () -> MAX_BIOMETRIC_BODY + "B");
        TestEnvironment.keyProviderProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeEach
    void prepareSharedFixtures() {
        synchronized (ApiIntegrationTest.class) {
            if (prepared) {
                return;
            }
            createFixtures(accounts, core);
            awaitFingerprintGallery(core);
            prepared = true;
        }
    }

    /** Waits (up to a minute) for the start-up load of the fingerprint gallery. */
    public static void awaitFingerprintGallery(RegistrationCore core) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!core.biometrics().galleryStatus().ready()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fingerprint gallery not loaded: " + core.biometrics().galleryStatus());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Creates the test users (one per role, with known passwords) and the location hierarchy in an application
     * (also one a test starts itself with {@link RunningApp}).
     */
    public static void createFixtures(AccountService accounts, RegistrationCore core) {
        accounts.changePassword(AccountService.BOOTSTRAP_ADMIN, ADMIN_PASSWORD);
        USERS.forEach((role, name) -> {
            if (role != Role.ADMIN) {
                accounts.create(name, Set.of(role));
                accounts.changePassword(name, password(name));
            }
        });
        core.locations().createAdminUnit(AdminUnit.country("ZZ", "Testland"));
        core.locations().createAdminUnit(AdminUnit.of("ZZ01", 1, "ZZ", "North"));
        core.locations().createAdminUnit(AdminUnit.of("ZZ0101", 2, "ZZ01", "North Valley"));
        core.locations().createSite(new Site("ZZ-S1", "Valley camp", SiteType.CAMP_OR_SITE, "ZZ0101"));
    }

    /** {@code client} signed in as the test user holding {@code role} (see {@link #createFixtures}). */
    public static ApiClient signedIn(ApiClient client, Role role) {
        String name = USERS.get(role);
        return client.as(name, role == Role.ADMIN ? ADMIN_PASSWORD : password(name));
    }

    /** Anonymous client. */
    protected ApiClient api() {
        return ApiClient.on(port);
    }

    /** Client signed in as the test user holding {@code role}. */
    protected ApiClient as(Role role) {
        return signedIn(api(), role);
    }

    protected static String username(Role role) {
        return USERS.get(role);
    }

    protected static String password(String username) {
        return username + "-test-password-0001";
    }

    /** Direct SQL on the application's database, for assertions on stored rows. */
    protected JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    /** Enrols a sample individual as the registration officer and returns its id. */
    protected String enrol(Map<String, Object> details) {
        ApiClient.Response r = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL").post("/api/v1/individuals", Samples.enrolment(details));
        if (r.status() != 201) {
            throw new AssertionError("enrolment failed: " + r);
        }
        return r.json().get("id").asString();
    }

    /** The key provider test double of the shared application. */
    protected SwitchableKekProvider keyProviderSwitch() {
        return (SwitchableKekProvider) kek;
    }
}
