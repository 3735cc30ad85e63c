package org.safereg.api.registration;

import java.time.Clock;
import javax.sql.DataSource;
import org.safereg.keys.KekProvider;
import org.safereg.privacy.PolicyDecisionPoint;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.biometrics.BiometricSettings;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registration core, wired once through its entry point after Flyway has migrated the schema. */
@Configuration(proxyBeanMethods = false)
class RegistrationCoreConfiguration {
    @Bean
    @DependsOnDatabaseInitialization
    RegistrationCore registrationCore(DataSource dataSource, KekProvider kek, PolicyDecisionPoint policy, Clock clock,
                                      BiometricSettings biometrics) {
        return RegistrationCore.create(dataSource, kek, policy, clock, biometrics);
    }
}
