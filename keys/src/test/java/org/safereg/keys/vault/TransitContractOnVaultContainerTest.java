package org.safereg.keys.vault;

import java.net.URI;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.vault.VaultContainer;

/**
 * The Transit contract against a real Vault (dev mode) in a container, via Testcontainers' Vault module; reported
 * as skipped when no Docker engine is reachable.
 */
@Testcontainers(disabledWithoutDocker = true)
class TransitContractOnVaultContainerTest extends TransitContractTest {
    private static final String ROOT_TOKEN = "safereg-test-root";

    @Container
    static final VaultContainer<?> VAULT = new VaultContainer<>(DockerImageName.parse("hashicorp/vault:1.20"))
            .withVaultToken(ROOT_TOKEN)
            .withInitCommand("secrets enable transit");

    @Override
    protected Target target() {
        return new Target(URI.create(VAULT.getHttpHostAddress()), ROOT_TOKEN, null);
    }
}
