package org.safereg.keys.vault;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The Transit contract against a real Vault given by {@code VAULT_ADDR} and an administrator {@code VAULT_TOKEN}
 * (optionally {@code VAULT_CACERT}); reported as skipped when they are not set. Enables the Transit engine at
 * {@code transit/} if needed, creates uniquely named test keys and a test policy, and deletes them afterwards.
 */
@EnabledIfEnvironmentVariable(named = "VAULT_ADDR", matches = ".+", disabledReason = "no VAULT_ADDR: no real Vault to test against")
@EnabledIfEnvironmentVariable(named = "VAULT_TOKEN", matches = ".+", disabledReason = "no VAULT_TOKEN for the real Vault")
class TransitContractOnVaultAddrTest extends TransitContractTest {

    private static Target vault() {
        String ca = System.getenv("VAULT_CACERT");
        return new Target(URI.create(System.getenv("VAULT_ADDR")), System.getenv("VAULT_TOKEN"),
                ca == null || ca.isBlank() ? null : Path.of(ca));
    }

    @BeforeAll
    static void enableTransit() {
        Target target = vault();
        new TransitAdmin(target.address(), target.adminToken(), target.caCertificate()).enableTransit();
    }

    @Override
    protected Target target() {
        return vault();
    }
}
