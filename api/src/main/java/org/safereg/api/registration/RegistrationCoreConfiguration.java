package org.safereg.api.registration;

import java.time.Clock;
import javax.sql.DataSource;
import org.safereg.api.config.RegistryProperties;
import org.safereg.api.config.StartupFailure;
import org.safereg.api.protection.BreakGlassProperties;
import org.safereg.keys.KekProvider;
import org.safereg.privacy.PurposePolicy;
import org.safereg.registration.KeyProviderMismatchException;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.biometrics.BiometricSettings;
import org.safereg.registration.statistics.ExtractSettings;
import org.safereg.registration.statistics.StatisticsSettings;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registration core, wired once through its entry point after Flyway has migrated the schema. A key
 * provider that is not the one the database was encrypted with stops the start with a report naming the
 * setting to check ({@link StartupFailure}).
 */
@Configuration(proxyBeanMethods = false)
class RegistrationCoreConfiguration {
    @Bean
    @DependsOnDatabaseInitialization
    RegistrationCore registrationCore(DataSource dataSource, KekProvider kek, PurposePolicy policy, Clock clock,
                                      BiometricSettings biometrics, RegistryProperties properties,
                                      BreakGlassProperties breakGlass, StatisticsSettings statistics,
                                      ExtractSettings extracts) {
        try {
            return RegistrationCore.create(dataSource, kek, policy, clock, biometrics, breakGlass.duration(),
                    statistics, extracts);
        } catch (KeyProviderMismatchException e) {
            throw mismatch(properties, e);
        }
    }

    private static StartupFailure mismatch(RegistryProperties properties, KeyProviderMismatchException e) {
        return switch (properties.keys().provider()) {
            case LOCAL -> new StartupFailure("The keystore at " + properties.keystorePath()
                    + " is not the one this database was encrypted with (" + e.getMessage() + "): refusing to start.",
                    "Check REGISTRY_KEYSTORE_PATH (or REGISTRY_DATA_DIR) and REGISTRY_DB_URL: point them at the "
                            + "keystore and the database that belong together, or restore the keystore from its "
                            + "backup. Do not delete the database or the keystore: records encrypted under the "
                            + "right keystore are unreadable without it.", e);
            case VAULT -> new StartupFailure("The Vault Transit keys configured are not the ones this database was "
                    + "encrypted with (" + e.getMessage() + "): refusing to start.",
                    "Check REGISTRY_VAULT_ADDR, REGISTRY_VAULT_TRANSIT_MOUNT and the key names "
                            + "(REGISTRY_VAULT_KEK_KEY, REGISTRY_VAULT_SIGNING_KEY, REGISTRY_VAULT_DERIVATION_KEY), "
                            + "and REGISTRY_DB_URL.", e);
        };
    }
}
