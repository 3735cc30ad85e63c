package org.safereg.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
