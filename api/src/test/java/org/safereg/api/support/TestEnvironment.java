package org.safereg.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.safereg.registration.testing.TestDatabase;

/**
 * What the shared test application runs on: a fresh database on the JVM's test PostgreSQL server
 * ({@link TestDatabase}) and a temporary data directory (keystore), both created once per JVM.
 */
public final class TestEnvironment {
    public static final String KEYSTORE_PASSWORD = "test-keystore-passphrase";
    private static String databaseUrl;
    private static Path dataDir;

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
