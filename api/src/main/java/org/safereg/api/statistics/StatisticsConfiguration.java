package org.safereg.api.statistics;

import org.safereg.api.config.StartupFailure;
import org.safereg.registration.statistics.StatisticsSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link StatisticsProperties} and turns them into the core's {@link StatisticsSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatisticsProperties.class)
class StatisticsConfiguration {

    @Bean
    StatisticsSettings statisticsSettings(StatisticsProperties properties) {
        try {
            return properties.toSettings();
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("The statistics configuration (registry.statistics.*) is invalid: "
                    + e.getMessage() + ".",
                    "Write bands as N-M, N or N+ separated by commas, contiguous, ages from 0 and household sizes "
                            + "from 1, the last band open (e.g. 0-4,5-11,12-17,18-59,60+ and 1,2-3,4-6,7+).", e);
        }
    }
}
