package org.safereg.api.config;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.safereg.privacy.PurposeCatalogue;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.PurposeDefinition;
import org.safereg.privacy.PurposePolicy;
import org.safereg.privacy.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Application-wide beans: the bound {@link RegistryProperties}, the clock, the purpose catalogue (defaults, with
 * each role listed under {@code registry.purposes} replaced by the configured purposes, covered actions from
 * {@code registry.purpose-actions} and definitions from {@code registry.purpose-definitions}) and the consent-aware
 * policy decision point on it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
class ApplicationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PurposeCatalogue purposeCatalogue(RegistryProperties properties) {
        if (properties.purposes().isEmpty() && properties.purposeActions().isEmpty()
                && properties.purposeDefinitions().isEmpty()) {
            return PurposeCatalogue.defaults();
        }
        PurposeCatalogue defaults = PurposeCatalogue.defaults();
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            table.put(role.name(), defaults.allowedFor(role).stream().map(PurposeCode::value).sorted().toList());
        }
        properties.purposes().forEach((role, purposes) ->
                table.put(role.strip().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'),
                        purposes.stream().map(String::strip).toList()));
        try {
            PurposeCatalogue catalogue = PurposeCatalogue.fromConfiguration(table, properties.purposeActions());
            for (Map.Entry<String, RegistryProperties.PurposeSettings> e : properties.purposeDefinitions().entrySet()) {
                PurposeCode code = PurposeCode.of(e.getKey().strip());
                PurposeDefinition current = catalogue.definition(code).orElseThrow(() -> new IllegalArgumentException(
                        "purpose " + code + " in registry.purpose-definitions is not a known purpose"));
                RegistryProperties.PurposeSettings s = e.getValue();
                catalogue = catalogue.with(new PurposeDefinition(code, current.roles(), current.actions(),
                        s.fields() != null ? s.fields() : current.fields(),
                        s.bases() != null ? s.bases() : current.bases(),
                        s.requiresSubjectBasis() != null ? s.requiresSubjectBasis() : current.requiresSubjectBasis(),
                        s.breakGlassAllowed() != null ? s.breakGlassAllowed() : current.breakGlassAllowed(),
                        s.retention() != null ? Optional.of(s.retention()) : current.retention()));
            }
            return catalogue;
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("The purpose configuration (registry.purposes / registry.purpose-actions / "
                    + "registry.purpose-definitions) is invalid: " + e.getMessage() + ".",
                    "Use role names from " + List.of(Role.values()) + ", known purpose codes such as REG.ENROL, "
                            + "and never a prohibited purpose " + PurposeCatalogue.PROHIBITED + ".", e);
        }
    }

    @Bean
    PurposePolicy purposePolicy(PurposeCatalogue catalogue, Clock clock) {
        return new PurposePolicy(catalogue, clock);
    }
}
