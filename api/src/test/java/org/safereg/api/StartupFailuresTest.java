package org.safereg.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.api.support.RunningApp;
import org.safereg.api.support.TestEnvironment;
import org.safereg.keys.LocalKeystoreKekProvider;
import org.safereg.keys.vault.TransitTestServer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The server refuses to start, with a report naming the problem, on an unusable configuration. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailuresTest {
    @TempDir
    Path dataDir;

    @Test
    void unreachableExternalDatabase(CapturedOutput output) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> RunningApp.start("registry.data-dir=" + dataDir,
                "registry.db.url=jdbc:postgresql://localhost:" + closedPort + "/registry",
                "registry.keys.keystore-password=startup-test").close());
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Cannot connect to the database");
    }

    @Test
    void externalDatabaseWithoutKeystorePassword(CapturedOutput output) {
        assertThatThrownBy(() -> RunningApp.start("registry.data-dir=" + dataDir,
                "registry.db.url=" + TestEnvironment.databaseUrl(),
                "registry.db.user=" + TestEnvironment.databaseUser(),
                "registry.db.password=" + TestEnvironment.databasePassword()).close());
        assertThat(output.getAll()).contains("REGISTRY_KEYSTORE_PASSWORD is not set");
        assertThat(Files.exists(dataDir.resolve("keys/kek.bcfks"))).as("no keystore created").isFalse();
    }

    @Test
    void vaultWithoutTheTransitKeys(CapturedOutput output) {
        try (TransitTestServer vault = TransitTestServer.start()) {
            assertThatThrownBy(() -> RunningApp.start("registry.data-dir=" + dataDir,
                    "registry.db.url=" + TestEnvironment.databaseUrl(),
                    "registry.db.user=" + TestEnvironment.databaseUser(),
                    "registry.db.password=" + TestEnvironment.databasePassword(),
                    "registry.keys.provider=vault",
                    "registry.vault.address=" + vault.address(),
                    "registry.vault.token=" + vault.rootToken()).close());
            assertThat(output.getAll()).contains("The Vault Transit key provider cannot be used",
                    "Transit key not found", "docs/operations/vault.md");
            assertThat(output.getAll()).doesNotContain(vault.rootToken());
        }
    }

    @Test
    void existingKeystoreWithTheWrongPassphrase(CapturedOutput output) {
        Path keystore = dataDir.resolve("keys/kek.bcfks");
        LocalKeystoreKekProvider.openOrCreate(keystore, "the-right-passphrase".toCharArray());
        assertThatThrownBy(() -> RunningApp.start("registry.data-dir=" + dataDir,
                "registry.db.url=" + TestEnvironment.databaseUrl(),
                "registry.db.user=" + TestEnvironment.databaseUser(),
                "registry.db.password=" + TestEnvironment.databasePassword(),
                "registry.keys.keystore-password=a-wrong-passphrase").close());
        assertThat(output.getAll()).contains("exists but cannot be opened");
        assertThat(output.getAll()).doesNotContain("a-wrong-passphrase", "the-right-passphrase");
    }
}
