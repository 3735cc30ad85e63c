package org.safereg.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safereg.keys.testing.TestKek;
import org.safereg.keys.vault.TransitTestKeys;
import org.safereg.keys.vault.VaultTransitConfig;
import org.safereg.registration.testing.TestDatabase;

/**
 * What the shared test application runs on: a fresh database on the JVM's test PostgreSQL server
 * ({@link TestDatabase}), a temporary data directory (keystore), and the key provider {@link TestKek#selected()}
 * names ({@code -Dsafereg.test.kek}): the local keystore, or Vault Transit on the JVM's shared Transit test double
 * with keys of its own. Each created once per JVM.
 */
public final class TestEnvironment {
    public static final String KEYSTORE_PASSWORD = "test-keystore-passphrase";
    private static String databaseUrl;
    private static Path dataDir;
    private static TransitTestKeys vaultKeys;

    private TestEnvironment() {
    }

    public static synchronized String databaseUrl() {
        if (databaseUrl == null) {
            databaseUrl = TestDatabase.shared().newDatabaseUrl();
        }
        return databaseUrl;
    }

    public static String databaseUser() {
        return TestDatabase.shared().user();
    }

    public static String databasePassword() {
        return TestDatabase.shared().password();
    }

    /**
     * The key-provider properties of the shared application: none for the local provider (the keystore
     * passphrase is set by the test base), {@code registry.keys.provider=vault} and {@code registry.vault.*} for
     * Vault.
     */
    public static synchronized Map<String, String> keyProviderProperties() {
        if (TestKek.selected() != TestKek.Kind.VAULT) {
            return Map.of();
        }
        if (vaultKeys == null) {
            vaultKeys = TransitTestKeys.provision(TransitTestKeys.sharedServer());
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("registry.keys.provider", "vault");
        properties.putAll(vaultProperties(vaultKeys.config()));
        return properties;
    }

    /** {@code registry.vault.*} properties for {@code config} (token or AppRole, CA file, key names, cache). */
    public static Map<String, String> vaultProperties(VaultTransitConfig config) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("registry.vault.address", config.address().toString());
        p.put("registry.vault.transit-mount", config.transitMount());
        p.put("registry.vault.kek-key", config.kekKeyName());
        p.put("registry.vault.signing-key", config.signingKeyName());
        p.put("registry.vault.derivation-key", config.derivationKeyName());
        if (config.auth() instanceof VaultTransitConfig.Token token) {
            p.put("registry.vault.token", token.token());
        } else if (config.auth() instanceof VaultTransitConfig.AppRole role) {
            p.put("registry.vault.approle-mount", role.mountPath());
            p.put("registry.vault.role-id", role.roleId());
            p.put("registry.vault.secret-id", role.secretId());
            p.put("registry.vault.secret-id-wrapped", Boolean.toString(role.secretIdWrapped()));
        }
        if (config.caCertificate() != null) {
            p.put("registry.vault.ca-cert", config.caCertificate().toString());
        }
        p.put("registry.vault.data-key-cache-size", Integer.toString(config.dataKeyCacheSize()));
        p.put("registry.vault.data-key-cache-ttl", config.dataKeyCacheTtl().toMillis() + "ms");
        return p;
    }

    public static synchronized Path dataDir() {
        if (dataDir == null) {
            try {
                dataDir = Files.createTempDirectory("safereg-api-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path dir = dataDir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
        }
        return dataDir;
    }

    /** Deletes a directory tree, best effort (for temporary test directories). */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the directory is under the system temp directory
        }
    }
}
