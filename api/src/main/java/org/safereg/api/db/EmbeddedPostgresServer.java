package org.safereg.api.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.safereg.api.config.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's PostgreSQL 17 server (zonky binaries), listening on localhost only, with its data in
 * a persistent directory: a restart with the same directory finds the same records. Durable settings
 * ({@code synchronous_commit=on}, {@code fsync=on}); the application database {@value #DATABASE} is created
 * on first start.
 *
 * <p>Other users of the machine cannot connect: the Unix socket is disabled and TCP connections need the
 * superuser's password (SCRAM), a random one generated at first start and kept in a 0600 file beside the data
 * directory ({@code <dir>.password}).
 *
 * <p>One process per data directory: a second server on a directory in use fails at start with
 * {@link StartupFailure}. A postmaster left running by a process that was killed (no shutdown hook ran) is
 * recognised and stopped before the new one starts. {@link #close()} stops the server (a JVM shutdown hook
 * does it too). Start-up costs 2-5 s (first start also runs {@code initdb}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    /** The database holding SafeReg's tables. */
    public static final String DATABASE = "safereg";
    private static final String SUPERUSER = "postgres";
    private static final String LOCK_FILE = "epg-lock";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory, String password) {
        this.postgres = postgres;
        this.directory = directory;
        this.password = password;
    }

    /**
     * Starts the server on {@code directory} (created and initialised if empty) and {@code port} (0 = a free
     * port). Throws {@link StartupFailure} when the directory is used by another running server or the server
     * does not start.
     */
    public static EmbeddedPostgresServer start(Path directory, int port) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StartupFailure("Cannot create the embedded database directory " + directory + ".",
                    "Check that the directory (REGISTRY_EMBEDDED_DB_DIR or REGISTRY_DATA_DIR) is writable.", e);
        }
        stopOrphanedPostmaster(directory);
        Path passwordFile = directory.resolveSibling(directory.getFileName() + ".password");
        Optional<String> password = readPassword(passwordFile);
        EmbeddedPostgres postgres;
        try {
            if (password.isPresent()) {
                writePasswordOnlyHba(directory);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(60));
            password.ifPresent(p -> builder.setConnectConfig("password", p));
            postgres = builder.start();
        } catch (OverlappingFileLockException e) {
            throw inUse(directory, e);
        } catch (IOException | RuntimeException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("could not lock")) {
                throw inUse(directory, e);
            }
            throw new StartupFailure("The embedded PostgreSQL server did not start on " + directory + ".",
                    "Look at the pg_ctl lines above; check free disk space and that the port "
                            + (port == 0 ? "" : port + " ") + "is free.", e);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, directory,
                password.orElseGet(() -> requirePassword(postgres, directory, passwordFile)));
        server.createApplicationDatabase();
        log.info("Embedded PostgreSQL serving {} on localhost:{}", directory, postgres.getPort());
        return server;
    }

    /** JDBC URL of the application database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    /** Database user. */
    public String user() {
        return SUPERUSER;
    }

    /** The database user's password. */
    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path directory() {
        return directory;
    }

    /** Stops the server; its data stays in the directory. Idempotent. */
    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly ({})", e.getClass().getSimpleName());
        }
    }

    private void createApplicationDatabase() {
        String adminUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, SUPERUSER, password);
             Statement s = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
                log.info("Created database {} in the embedded server", DATABASE);
            }
        } catch (SQLException e) {
            close();
            throw new StartupFailure("Cannot create the application database in the embedded server.",
                    "Check the embedded database directory " + directory + "; remove it to start afresh.", e);
        }
    }

    /**
     * First start (or a directory from before passwords were used): the server trusts localhost. Sets a random
     * superuser password, stores it (0600), switches authentication to SCRAM and reloads. Idempotent across
     * crashes: without the password file this simply runs again with a new password.
     */
    private static String requirePassword(EmbeddedPostgres postgres, Path directory, Path passwordFile) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, SUPERUSER, "");
             Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE " + SUPERUSER + " WITH PASSWORD '" + password + "'");
            Files.deleteIfExists(passwordFile);
            Files.writeString(Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))), password);
            writePasswordOnlyHba(directory);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException | IOException e) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // already failing: report the original problem
            }
            throw new StartupFailure("Cannot set up password authentication of the embedded database in "
                    + directory + ".", "Check that " + passwordFile.getParent() + " is writable.", e);
        }
        log.info("Embedded PostgreSQL now requires a password (kept in {})", passwordFile);
        return password;
    }

    private static Optional<String> readPassword(Path passwordFile) {
        try {
            return Files.exists(passwordFile) ? Optional.of(Files.readString(passwordFile).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new StartupFailure("Cannot read the embedded database password file " + passwordFile + ".",
                    "Check the file's owner and permissions (it should be readable by this user only).", e);
        }
    }

    /** Only TCP from localhost, only with a password (the Unix socket is disabled). */
    private static void writePasswordOnlyHba(Path directory) throws IOException {
        Files.writeString(directory.resolve("pg_hba.conf"), """
                # Written by SafeReg: password (SCRAM) authentication over TCP from localhost only.
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """);
    }

    private static StartupFailure inUse(Path directory, Exception cause) {
        return new StartupFailure("The embedded database directory " + directory
                + " is in use by another SafeReg process.",
                "Stop the other process first, or give this one its own REGISTRY_DATA_DIR "
                        + "(or REGISTRY_EMBEDDED_DB_DIR), or use an external database with REGISTRY_DB_URL.", cause);
    }

    /**
     * A postmaster can outlive a JVM that was killed without running its shutdown hooks. If no live process
     * holds the directory's lock but {@code postmaster.pid} names a running postgres, that postgres is such an
     * orphan: it is stopped (SIGTERM, then SIGKILL) so the new server can start.
     */
    private static void stopOrphanedPostmaster(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = new RandomAccessFile(directory.resolve(LOCK_FILE).toFile(), "rw").getChannel()) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                throw inUse(directory, e);
            }
            if (lock == null) {
                throw inUse(directory, null);
            }
            try {
                postmasterPid(pidFile).flatMap(ProcessHandle::of)
                        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                        .ifPresent(orphan -> stop(orphan, directory));
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new StartupFailure("Cannot lock the embedded database directory " + directory + ".",
                    "Check that the directory is writable by this user.", e);
        }
    }

    private static Optional<Long> postmasterPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stop(ProcessHandle orphan, Path directory) {
        log.warn("Stopping PostgreSQL process {} left running on {} by a previous run that did not shut down",
                orphan.pid(), directory);
        orphan.destroy();
        try {
            orphan.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            orphan.destroyForcibly();
        } catch (ExecutionException | TimeoutException e) {
            orphan.destroyForcibly();
        }
    }
}
