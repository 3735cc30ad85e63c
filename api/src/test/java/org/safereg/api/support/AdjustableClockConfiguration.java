package org.safereg.api.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the application's clock (the core's timestamps and the policy decision point's "now") with an
 * {@link AdjustableClock}, for tests of time limits such as break-glass expiry. A context of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AdjustableClockConfiguration {
    @Bean
    @Primary
    AdjustableClock adjustableClock() {
        return new AdjustableClock();
    }
}
