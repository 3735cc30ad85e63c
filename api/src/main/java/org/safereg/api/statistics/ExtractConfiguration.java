package org.safereg.api.statistics;

import org.safereg.registration.statistics.ExtractSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link ExtractProperties} and turns them into the core's {@link ExtractSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExtractProperties.class)
class ExtractConfiguration {

    @Bean
    ExtractSettings extractSettings(ExtractProperties properties) {
        return properties.toSettings();
    }
}
