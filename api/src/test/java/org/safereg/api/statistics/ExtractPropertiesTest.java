package org.safereg.api.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safereg.registration.statistics.ExtractSettings;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Binding of {@code registry.statistics.extracts.*} (and its environment variables) into the core's settings. */
class ExtractPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(ExtractConfiguration.class);

    @Test
    void defaultsAreTheCoreDefaults() {
        runner.run(context -> assertThat(context.getBean(ExtractSettings.class)).isEqualTo(ExtractSettings.defaults()));
    }

    @Test
    void environmentVariablesAreBound() {
        runner.withInitializer(c -> c.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource("test-env", Map.of(
                        "REGISTRY_STATISTICS_EXTRACTS_K", "7",
                        "REGISTRY_STATISTICS_EXTRACTS_MAX_INDIVIDUAL_RISK", "0.1",
                        "REGISTRY_STATISTICS_EXTRACTS_MAX_EXPECTED_REIDENTIFICATION_SHARE", "0.05",
                        "REGISTRY_STATISTICS_EXTRACTS_MAX_LEVEL_COMBINATIONS", "100"))))
                .run(context -> assertThat(context.getBean(ExtractSettings.class))
                        .isEqualTo(new ExtractSettings(7, 0.1, 0.05, 100)));
    }

    @Test
    void invalidValuesStopTheStart() {
        for (String invalid : new String[] {"registry.statistics.extracts.k=1",
                "registry.statistics.extracts.max-individual-risk=0",
                "registry.statistics.extracts.max-expected-reidentification-share=1.5",
                "registry.statistics.extracts.max-level-combinations=0"}) {
            runner.withPropertyValues(invalid).run(context -> assertThat(context).as(invalid).hasFailed());
        }
    }
}
