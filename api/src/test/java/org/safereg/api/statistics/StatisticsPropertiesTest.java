package org.safereg.api.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safereg.privacy.statistics.ProtectionProfile;
import org.safereg.registration.statistics.StatisticsSettings;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Binding of {@code registry.statistics.*} (and its environment variables) into the core's settings. */
class StatisticsPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(StatisticsConfiguration.class);

    @Test
    void defaultsAreTheCoreDefaults() {
        runner.run(context -> assertThat(context.getBean(StatisticsSettings.class))
                .isEqualTo(StatisticsSettings.defaults()));
    }

    @Test
    void environmentVariablesAreBound() {
        runner.withInitializer(c -> c.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource("test-env", Map.of(
                        "REGISTRY_STATISTICS_AGE_BANDS", "0-17,18+",
                        "REGISTRY_STATISTICS_HOUSEHOLD_SIZE_BANDS", "1,2+",
                        "REGISTRY_STATISTICS_PUBLIC_K", "10",
                        "REGISTRY_STATISTICS_AGREEMENT_GEOGRAPHY_FLOOR", "ADMIN1",
                        "REGISTRY_STATISTICS_GROUP_DISCLOSURE_SHARE", "0.8",
                        "REGISTRY_STATISTICS_DELTA", "1e-9"))))
                .run(context -> {
                    StatisticsSettings s = context.getBean(StatisticsSettings.class);
                    assertThat(s.ageBands()).hasToString("0-17,18+");
                    assertThat(s.householdSizeBands()).hasToString("1,2+");
                    assertThat(s.profile(ProtectionProfile.PUBLIC))
                            .isEqualTo(new StatisticsSettings.ProfileSettings(10, 1));
                    assertThat(s.profile(ProtectionProfile.AGREEMENT))
                            .isEqualTo(new StatisticsSettings.ProfileSettings(3, 1));
                    assertThat(s.groupDisclosureShare()).isEqualTo(0.8);
                    assertThat(s.delta()).isEqualTo(1e-9);
                });
    }

    @Test
    void invalidValuesStopTheStart() {
        for (String invalid : new String[] {"registry.statistics.age-bands=5-11,12+",
                "registry.statistics.household-size-bands=1,2-3", "registry.statistics.public-k=1",
                "registry.statistics.agreement-geography-floor=ADMIN3",
                "registry.statistics.group-disclosure-share=0.5", "registry.statistics.delta=1"}) {
            runner.withPropertyValues(invalid).run(context -> assertThat(context).as(invalid).hasFailed());
        }
    }
}
