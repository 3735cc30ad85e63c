package org.safereg.api.protection;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link BreakGlassProperties} (the core takes the grant duration at construction). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BreakGlassProperties.class)
class ProtectionConfiguration {
}
