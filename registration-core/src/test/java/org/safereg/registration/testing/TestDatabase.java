package org.safereg.registration.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL server for tests, chosen once per JVM: the server at {@code REGISTRY_TEST_DB_URL}
 * (with {@code REGISTRY_TEST_DB_USER} / {@code REGISTRY_TEST_DB_PASSWORD}) if set; else a Testcontainers
 * PostgreSQL 17 when a Docker engine is reachable; else an embedded PostgreSQL 17 (zonky binaries). Each
 * {@link #newDatabase()} creates a fresh, empty database on it, so test classes never see each other's rows.
 * The user needs the CREATEDB privilege on an external server.
 */
public final class TestDatabase {
    private static TestDatabase shared;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String kind;

    private TestDatabase(String adminUrl, String user, String password, String kind) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.kind = kind;
    }

    /** The server for this JVM, started on first use. */
    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static TestDatabase start() {
        String url = System.getenv("REGISTRY_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new TestDatabase(url, envOr("REGISTRY_TEST_DB_USER", "postgres"),
                    envOr("REGISTRY_TEST_DB_PASSWORD", ""), "external");
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "testcontainers");
        }
        try {
            // a throw-away test server: durability settings off make database creation and commits fast
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary data directory is removed by zonky
                }
            }));
            return new TestDatabase(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    /** Which kind of server is in use: external, testcontainers or embedded. */
    public String kind() {
        return kind;
    }

    /** Creates a new empty database and returns its JDBC URL. */
    public String newDatabaseUrl() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database", e);
        }
        return withDatabase(adminUrl, name);
    }

    /** Creates a new empty database and returns a (non-pooled) data source for it. */
    public DataSource newDatabase() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(newDatabaseUrl());
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    static String withDatabase(String jdbcUrl, String database) {
        int q = jdbcUrl.indexOf('?');
        String base = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
        String params = q < 0 ? "" : jdbcUrl.substring(q);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }
}
