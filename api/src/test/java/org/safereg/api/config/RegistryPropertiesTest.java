package org.safereg.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.safereg.keys.vault.VaultTransitConfig;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.PurposePolicy;
import org.safereg.privacy.Role;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;

/** Binding of the {@code registry.*} configuration, its validation, and the purpose table built from it. */
class RegistryPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(ApplicationConfiguration.class)
            .withPropertyValues("registry.data-dir=/srv/safereg");

    @Test
    void defaultsDeriveFromTheDataDirectory() {
        runner.run(context -> {
            RegistryProperties p = context.getBean(RegistryProperties.class);
            assertThat(p.db().external()).isFalse();
            assertThat(p.embeddedDbDirectory()).isEqualTo(Path.of("/srv/safereg/postgres"));
            assertThat(p.keystorePath()).isEqualTo(Path.of("/srv/safereg/keys/kek.bcfks"));
            assertThat(p.embeddedDb().port()).isZero();
            assertThat(p.oidc().enabled()).isFalse();
            assertThat(p.oidc().rolesClaim()).isEqualTo("roles");
            assertThat(p.http().maxRequestBody().toBytes()).isEqualTo(1024 * 1024);
            assertThat(context.getBean(PurposePolicy.class).allowedFor(Role.REGISTRATION_OFFICER))
                    .isEqualTo(PurposePolicy.defaults().allowedFor(Role.REGISTRATION_OFFICER));
        });
    }

    @Test
    void invalidValuesStopTheStartNamingTheProperty() {
        runner.withPropertyValues("registry.db.url=mysql://db/registry").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("jdbc:postgresql:"));
        runner.withPropertyValues("registry.embedded-db.port=70000").run(context ->
                assertThat(context).hasFailed());
        runner.withPropertyValues("registry.http.max-request-body=10B").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("max-request-body"));
    }

    @Test
    void vaultSettingsBindWithTheDocumentedDefaults() {
        runner.withPropertyValues("registry.keys.provider=vault", "registry.vault.address=https://vault.example.org:8200",
                "registry.vault.role-id=role-1", "registry.vault.secret-id=wrapping-token-1").run(context -> {
            RegistryProperties p = context.getBean(RegistryProperties.class);
            assertThat(p.keys().provider()).isEqualTo(RegistryProperties.KeyProviderKind.VAULT);
            VaultTransitConfig config = p.vault().transitConfig();
            assertThat(config.address()).isEqualTo(URI.create("https://vault.example.org:8200"));
            assertThat(config.auth()).isEqualTo(new VaultTransitConfig.AppRole("approle", "role-1", "wrapping-token-1", true));
            assertThat(config).isEqualTo(VaultTransitConfig.of(config.address(), config.auth()));
            assertThat(p.vault().toString()).doesNotContain("role-1", "wrapping-token-1");
        });
        runner.withPropertyValues("registry.keys.provider=vault", "registry.vault.address=http://127.0.0.1:8200",
                "registry.vault.token=hvs.secret", "registry.vault.kek-key=kek2", "registry.vault.data-key-cache-size=0",
                "registry.vault.read-timeout=2s").run(context -> {
            VaultTransitConfig config = context.getBean(RegistryProperties.class).vault().transitConfig();
            assertThat(config.auth()).isEqualTo(new VaultTransitConfig.Token("hvs.secret"));
            assertThat(config.kekKeyName()).isEqualTo("kek2");
            assertThat(config.dataKeyCacheSize()).isZero();
            assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(2));
        });
    }

    @Test
    void inconsistentVaultSettingsStopTheStartNamingTheVariable() {
        String address = "registry.vault.address=https://vault.example.org:8200";
        runner.withPropertyValues("registry.keys.provider=vault", "registry.vault.token=t").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("REGISTRY_VAULT_ADDR"));
        runner.withPropertyValues("registry.keys.provider=vault", address).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("not neither"));
        runner.withPropertyValues("registry.keys.provider=vault", address, "registry.vault.token=t",
                "registry.vault.role-id=r", "registry.vault.secret-id=s").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("not both"));
        runner.withPropertyValues("registry.keys.provider=vault", address, "registry.vault.role-id=r").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("REGISTRY_VAULT_SECRET_ID"));
        runner.withPropertyValues("registry.keys.provider=vault", address, "registry.vault.token=t",
                "registry.vault.kek-key=bad key/name").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("invalid registry.vault"));
        runner.withPropertyValues(address, "registry.vault.token=t").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("REGISTRY_KEY_PROVIDER"));
    }

    @Test
    void purposeOverridesReplaceTheListedRolesOnly() {
        runner.withPropertyValues("registry.purposes.PROTECTION_OFFICER=PROT.CASE,FRAUD").run(context -> {
            PurposePolicy policy = context.getBean(PurposePolicy.class);
            assertThat(policy.allowedFor(Role.PROTECTION_OFFICER))
                    .containsExactlyInAnyOrder(PurposeCode.of("PROT.CASE"), PurposeCode.of("FRAUD"));
            assertThat(policy.allowedFor(Role.REGISTRATION_OFFICER))
                    .isEqualTo(PurposePolicy.defaults().allowedFor(Role.REGISTRATION_OFFICER));
        });
    }

    @Test
    void purposeDefinitionsOverrideFieldsBasesAndRetention() {
        runner.withPropertyValues("registry.purpose-definitions[ASSIST.CASH].fields=NAMES,LOCATION",
                "registry.purpose-definitions[ASSIST.CASH].bases=PUBLIC_INTEREST_MANDATE",
                "registry.purpose-definitions[ASSIST.CASH].retention=P1Y").run(context -> {
            var cash = context.getBean(PurposePolicy.class).catalogue().definition(PurposeCode.of("ASSIST.CASH"))
                    .orElseThrow();
            assertThat(cash.fields()).containsExactlyInAnyOrder(org.safereg.privacy.PersonalField.NAMES,
                    org.safereg.privacy.PersonalField.LOCATION);
            assertThat(cash.bases()).containsExactly(org.safereg.privacy.LegalBasis.PUBLIC_INTEREST_MANDATE);
            assertThat(cash.retention()).contains(java.time.Period.ofYears(1));
            assertThat(cash.roles()).containsExactly(Role.REGISTRATION_OFFICER);
        });
        runner.withPropertyValues("registry.purpose-definitions[MILITARY].fields=NAMES").run(context ->
                assertThat(findStartupFailure(context.getStartupFailure()).getMessage()).contains("MILITARY"));
    }

    @Test
    void prohibitedOrUnknownPurposesRefuseToStart() {
        runner.withPropertyValues("registry.purposes.REGISTRATION_OFFICER=LAW_ENFORCEMENT").run(context ->
                assertThat(context).hasFailed().getFailure().hasRootCauseInstanceOf(IllegalArgumentException.class)
                        .satisfies(f -> assertThat(findStartupFailure(f)).isNotNull()));
        runner.withPropertyValues("registry.purposes.NOT_A_ROLE=REG.ENROL").run(context ->
                assertThat(findStartupFailure(context.getStartupFailure()).getMessage()).contains("unknown role"));
    }

    private static StartupFailure findStartupFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StartupFailure f) {
                return f;
            }
        }
        throw new AssertionError("no StartupFailure in the cause chain", e);
    }
}
