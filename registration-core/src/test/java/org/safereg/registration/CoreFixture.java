package org.safereg.registration;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.safereg.keys.KekProvider;
import org.safereg.keys.testing.TestKek;
import org.safereg.privacy.Actor;
import org.safereg.privacy.PurposePolicy;
import org.safereg.privacy.Role;
import org.safereg.registration.biometrics.BiometricSettings;
import org.safereg.registration.breakglass.BreakGlassService;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.model.Birth;
import org.safereg.registration.model.Contact;
import org.safereg.registration.model.DocumentType;
import org.safereg.registration.model.IdentityDocument;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.LocationRef;
import org.safereg.registration.model.Names;
import org.safereg.registration.model.PopulationCategory;
import org.safereg.registration.model.RegistrationMethod;
import org.safereg.registration.model.Sex;
import org.safereg.registration.model.Site;
import org.safereg.registration.model.SiteType;
import org.safereg.registration.model.SpecificNeed;
import org.safereg.registration.statistics.ExtractSettings;
import org.safereg.registration.statistics.StatisticsSettings;
import org.safereg.registration.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A registration core on a fresh database of the shared test PostgreSQL server, with a real KEK provider
 * ({@link TestKek}: the local BCFKS keystore, or with {@code -Dsafereg.test.kek=vault} the Vault Transit provider
 * on its test double) and the default purpose policy, plus a small location tree and request contexts per role.
 */
final class CoreFixture implements AutoCloseable {
    static final String COUNTRY = "SO";
    static final String REGION = "SO11";
    static final String DISTRICT = "SO1101";
    static final String OTHER_DISTRICT = "SO1102";
    static final String OTHER_REGION = "SO12";
    static final String CAMP = "SO1101-C01";

    final HikariDataSource dataSource;
    /** The provider and the operator's actions on it (rotation under Vault). */
    final TestKek keys;
    final KekProvider kek;
    final RegistrationCore core;
    final JdbcClient jdbc;
    private final boolean ownsKeys;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger countries = new AtomicInteger();

    /** A fixture with a provider of its own, of the selected kind (a local keystore in {@code directory}). */
    CoreFixture(Path directory) {
        this(TestKek.open(directory), true, BiometricSettings.defaults());
    }

    /** As {@link #CoreFixture(Path)}, with the given biometric settings. */
    CoreFixture(Path directory, BiometricSettings biometricSettings) {
        this(TestKek.open(directory), true, biometricSettings);
    }

    /** As {@link #CoreFixture(Path)}, deciding with {@code policy} (a configured catalogue) instead of the defaults. */
    CoreFixture(Path directory, PurposePolicy policy) {
        this(TestKek.open(directory), true, BiometricSettings.defaults(), policy);
    }

    /** As {@link #CoreFixture(Path)}, releasing statistics with {@code statistics} instead of the defaults. */
    CoreFixture(Path directory, StatisticsSettings statistics) {
        this(TestKek.open(directory), true, BiometricSettings.defaults(), PurposePolicy.defaults(), statistics);
    }

    /** As {@link #CoreFixture(Path, StatisticsSettings)}, making extracts with {@code extracts}. */
    CoreFixture(Path directory, StatisticsSettings statistics, ExtractSettings extracts) {
        this(TestKek.open(directory), true, BiometricSettings.defaults(), PurposePolicy.defaults(), statistics,
                extracts);
    }

    /** A fixture over an already opened provider, closed by its owner (opening a keystore costs a key derivation). */
    CoreFixture(TestKek keys) {
        this(keys, false, BiometricSettings.defaults());
    }

    private CoreFixture(TestKek keys, boolean ownsKeys, BiometricSettings biometricSettings) {
        this(keys, ownsKeys, biometricSettings, PurposePolicy.defaults());
    }

    private CoreFixture(TestKek keys, boolean ownsKeys, BiometricSettings biometricSettings, PurposePolicy policy) {
        this(keys, ownsKeys, biometricSettings, policy, StatisticsSettings.defaults());
    }

    private CoreFixture(TestKek keys, boolean ownsKeys, BiometricSettings biometricSettings, PurposePolicy policy,
                        StatisticsSettings statistics) {
        this(keys, ownsKeys, biometricSettings, policy, statistics, ExtractSettings.defaults());
    }

    private CoreFixture(TestKek keys, boolean ownsKeys, BiometricSettings biometricSettings, PurposePolicy policy,
                        StatisticsSettings statistics, ExtractSettings extracts) {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(TestDatabase.shared().newDatabase());
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(0);
        dataSource = new HikariDataSource(pool);
        Migrations.apply(dataSource);
        this.keys = keys;
        this.ownsKeys = ownsKeys;
        this.kek = keys.provider();
        core = RegistrationCore.create(dataSource, kek, policy, Clock.systemUTC(), biometricSettings,
                BreakGlassService.DEFAULT_GRANT_DURATION, statistics, extracts);
        jdbc = JdbcClient.create(dataSource);
        var locations = core.locations();
        locations.createAdminUnit(AdminUnit.country(COUNTRY, "Somalia"));
        locations.createAdminUnit(AdminUnit.of(REGION, 1, COUNTRY, "Banadir"));
        locations.createAdminUnit(AdminUnit.of(OTHER_REGION, 1, COUNTRY, "Bay"));
        locations.createAdminUnit(AdminUnit.of(DISTRICT, 2, REGION, "Mogadishu North"));
        locations.createAdminUnit(AdminUnit.of(OTHER_DISTRICT, 2, REGION, "Mogadishu South"));
        locations.createSite(new Site(CAMP, "Camp One", SiteType.CAMP_OR_SITE, DISTRICT));
    }

    /**
     * A fresh country {@code <prefix>n} (n counts up per fixture) with admin1 {@code ...A} (admin2 {@code ...A1},
     * {@code ...A2}) and {@code ...B}: statistics tests count a country of their own.
     */
    String newCountry(String prefix) {
        String c = prefix + countries.incrementAndGet();
        core.locations().createAdminUnit(AdminUnit.country(c, "Test country " + c));
        core.locations().createAdminUnit(AdminUnit.of(c + "A", 1, c, "A"));
        core.locations().createAdminUnit(AdminUnit.of(c + "B", 1, c, "B"));
        core.locations().createAdminUnit(AdminUnit.of(c + "A1", 2, c + "A", "A1"));
        core.locations().createAdminUnit(AdminUnit.of(c + "A2", 2, c + "A", "A2"));
        return c;
    }

    @Override
    public void close() {
        core.close();
        dataSource.close();
        if (ownsKeys) {
            keys.close();
        }
    }

    RequestContext registrar() {
        return context("registrar", Role.REGISTRATION_OFFICER, "REG.ENROL");
    }

    RequestContext protection() {
        return context("protection", Role.PROTECTION_OFFICER, "PROT.CASE");
    }

    RequestContext adjudicator() {
        return context("adjudicator", Role.ADJUDICATOR, "REG.DEDUP");
    }

    RequestContext dpo(String purpose) {
        return context("dpo", Role.DATA_PROTECTION_OFFICER, purpose);
    }

    RequestContext context(String user, Role role, String purpose) {
        return RequestContext.of(new Actor(user, Set.of(role)), purpose, "req-" + requests.incrementAndGet());
    }

    /** A FULL registration in the district with the given names, date of birth, passport number and phone. */
    static IndividualDetails person(String given, String family, LocalDate dob, String passport, String phone) {
        return IndividualDetails.builder(RegistrationMethod.FULL, Names.of(given, family))
                .sex(Sex.FEMALE)
                .birth(Birth.on(dob))
                .nationalities("SOM")
                .documents(IdentityDocument.of(DocumentType.PASSPORT, passport, "SOM"))
                .populationCategory(PopulationCategory.IDP)
                .location(LocationRef.of(DISTRICT, CAMP))
                .specificNeeds(SpecificNeed.SINGLE_PARENT)
                .contact(new Contact(Optional.of(phone), Optional.empty(), Optional.empty()))
                .build();
    }

    /** A RAPID_EMERGENCY registration: a name, category and location only. */
    static IndividualDetails rapid(String given, String pcode) {
        return IndividualDetails.builder(RegistrationMethod.RAPID_EMERGENCY, Names.of(given, null))
                .populationCategory(PopulationCategory.REFUGEE)
                .location(LocationRef.of(pcode))
                .build();
    }

    long auditCount() {
        return jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
    }

    /** Audit rows after {@code afterSeq}: action and outcome, as "ACTION/OUTCOME". */
    List<String> auditAfter(long afterSeq) {
        return jdbc.sql("SELECT action || '/' || outcome FROM audit_event WHERE seq > ? ORDER BY seq")
                .param(afterSeq).query(String.class).list();
    }

    Map<String, Object> lastAudit() {
        return jdbc.sql("SELECT * FROM audit_event ORDER BY seq DESC LIMIT 1").query().singleRow();
    }
}
