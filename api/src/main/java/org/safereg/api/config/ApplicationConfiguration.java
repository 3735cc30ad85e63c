package org.safereg.api.config;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.PurposePolicy;
import org.safereg.privacy.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Application-wide beans: the bound {@link RegistryProperties}, the clock, and the purpose policy (defaults,
 * with each role listed under {@code registry.purposes} replaced by the configured purposes).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
class ApplicationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PurposePolicy purposePolicy(RegistryProperties properties) {
        if (properties.purposes().isEmpty() && properties.purposeActions().isEmpty()) {
            return PurposePolicy.defaults();
        }
        PurposePolicy defaults = PurposePolicy.defaults();
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            table.put(role.name(), defaults.allowedFor(role).stream().map(PurposeCode::value).sorted().toList());
        }
        properties.purposes().forEach((role, purposes) ->
                table.put(role.strip().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'),
                        purposes.stream().map(String::strip).toList()));
        try {
            return PurposePolicy.fromConfiguration(table, properties.purposeActions());
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("The purpose configuration (registry.purposes / registry.purpose-actions) is "
                    + "invalid: " + e.getMessage() + ".",
                    "Use role names from " + List.of(Role.values()) + ", known purpose codes such as REG.ENROL, "
                            + "and never a prohibited purpose " + PurposePolicy.PROHIBITED + ".", e);
        }
    }
}
