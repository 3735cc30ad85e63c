package org.safereg.api.biometrics;

import org.safereg.api.config.StartupFailure;
import org.safereg.registration.biometrics.BiometricSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link BiometricsProperties} and turns them into the core's {@link BiometricSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BiometricsProperties.class)
class BiometricsConfiguration {

    @Bean
    BiometricSettings biometricSettings(BiometricsProperties properties) {
        try {
            return properties.toSettings();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new StartupFailure("The biometric configuration (registry.biometrics.*) is inconsistent.",
                    "Check the limits: minimum sizes below maximum sizes, minimum DPI below maximum DPI, "
                            + "registry.biometrics.limits.max-image-size below 2 GB.", e);
        }
    }
}
