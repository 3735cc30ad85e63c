package org.safereg.api.config;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
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
        PurposePolicy defaults = PurposePolicy.defaults();
        if (properties.purposes().isEmpty()) {
            return defaults;
        }
        Map<Role, Set<PurposeCode>> table = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            Set<String> configured = properties.purposes().get(role);
            if (configured == null) {
                table.put(role, defaults.allowedFor(role));
                continue;
            }
            Set<PurposeCode> codes = new LinkedHashSet<>();
            for (String code : configured) {
                try {
                    codes.add(PurposeCode.of(code.trim()));
                } catch (IllegalArgumentException e) {
                    throw new StartupFailure("registry.purposes." + role.name() + " contains an invalid purpose code.",
                            "Purpose codes are upper-case dotted segments such as REG.ENROL or PROT.CASE.", e);
                }
            }
            table.put(role, codes);
        }
        try {
            return new PurposePolicy(table);
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("The configured role -> purposes table (registry.purposes) is rejected by the "
                    + "purpose policy.", "Check registry.purposes: it can never allow a prohibited purpose "
                    + PurposePolicy.PROHIBITED + ".", e);
        }
    }
}
