package org.safereg.api.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.safereg.api.config.RegistryProperties;
import org.safereg.api.problem.ProblemResponseWriter;
import org.safereg.privacy.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authentication and route-level authorisation. Two modes: local accounts over HTTP Basic (default), or, with
 * {@code REGISTRY_OIDC_ISSUER_URI}, an OAuth2 resource server taking JWTs (roles from the configured claim) with
 * local accounts off. Stateless (no session, no cookies). Route rules: health and the API documentation are
 * public; {@code /actuator/**} and {@code /api/v1/admin/**} need ADMIN; audit, key management and retention need
 * DATA_PROTECTION_OFFICER; creating locations and sites needs ADMIN or REGISTRATION_OFFICER; everything else
 * needs an authenticated user. Personal-data routes ({@code /api/v1/individuals/**}, {@code /api/v1/households/**},
 * {@code /api/v1/locations/{pcode}/individuals}) deliberately have no role rule here: the core's policy decision
 * point decides them per role and purpose (erasure needs SUBJECT_REQUEST, which only DATA_PROTECTION_OFFICER
 * holds by default) and audits every decision, denials included; a URL rule would refuse without an audit row.
 * Every refusal is problem+json.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, RegistryProperties properties, ProblemResponseWriter writer,
                                    ObjectProvider<JwtDecoder> jwtDecoder,
                                    ObjectProvider<LocalAccountAuthenticationProvider> localAccounts) throws Exception {
        boolean oidc = properties.oidc().enabled();
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(writer, oidc);
        ProblemAccessDeniedHandler denied = new ProblemAccessDeniedHandler(writer);
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/audit/**", "/api/v1/keys/**", "/api/v1/retention/**",
                                "/api/v1/agreements", "/api/v1/agreements/**")
                                .hasRole(Role.DATA_PROTECTION_OFFICER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/locations", "/api/v1/sites")
                                .hasAnyRole(Role.ADMIN.name(), Role.REGISTRATION_OFFICER.name())
                        .anyRequest().authenticated());
        if (oidc) {
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(new JwtRolesConverter(properties.oidc().rolesClaim()));
            converter.setPrincipalClaimName(properties.oidc().usernameClaim());
            http.oauth2ResourceServer(o -> o
                    .jwt(j -> j.decoder(jwtDecoder.getObject()).jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(denied));
        } else {
            // the only authentication manager, without a parent: a failed attempt is verified once, not
            // again by a global manager holding the same provider
            http.httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                    .authenticationManager(new ProviderManager(localAccounts.getObject()))
                    .addFilterAfter(new PasswordChangeRequiredFilter(writer), AuthorizationFilter.class);
        }
        return http.build();
    }

    @Bean
    @Conditional(OidcCondition.class)
    JwtDecoder jwtDecoder(RegistryProperties properties) {
        String issuer = properties.oidc().issuerUri().toString();
        String audience = properties.oidc().audience();
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
            List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
            validators.add(JwtValidators.createDefaultWithIssuer(issuer));
            if (audience != null) {
                validators.add(new JwtClaimValidator<List<String>>("aud",
                        aud -> aud != null && aud.contains(audience)));
            }
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
            return decoder;
        });
    }

    @Bean
    @Conditional(OidcCondition.LocalAccounts.class)
    PasswordEncoder passwordEncoder() {
        return PasswordHashing.encoder();
    }

    @Bean
    @Conditional(OidcCondition.LocalAccounts.class)
    AccountService accountService(AccountRepository repository, PasswordEncoder encoder,
                                  TransactionTemplate transactions, Clock clock) {
        return new AccountService(repository, encoder, transactions, clock);
    }

    @Bean
    @Conditional(OidcCondition.LocalAccounts.class)
    LocalAccountAuthenticationProvider localAccountAuthenticationProvider(AccountRepository repository,
            PasswordEncoder encoder, RegistryProperties properties, Clock clock) {
        RegistryProperties.SignIn signIn = properties.accounts().signIn();
        return new LocalAccountAuthenticationProvider(repository, encoder,
                new VerifiedCredentialCache(properties.accounts().credentialCacheTtl(), clock),
                new PasswordVerificationGate(signIn.concurrentVerifications(), signIn.verificationWait()),
                new SignInThrottle(signIn.maxFailuresPerAccount(), signIn.maxFailuresPerClient(),
                        signIn.failureWindow(), signIn.trackedEntries(), clock));
    }
}
