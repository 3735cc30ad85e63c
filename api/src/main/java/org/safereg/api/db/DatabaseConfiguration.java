package org.safereg.api.db;

import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.Map;
import org.safereg.api.config.RegistryProperties;
import org.safereg.api.config.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link javax.sql.DataSource}: a HikariCP pool over the external PostgreSQL at {@code REGISTRY_DB_URL}
 * when set, otherwise over the {@link EmbeddedPostgresServer} started here. Pool settings bind from
 * {@code spring.datasource.hikari.*}. On shutdown the pool closes before the embedded server stops (the pool
 * depends on it).
 *
 * <p>Boot's Flyway migrates on start ({@code classpath:db/migration}), then runs the grants callback
 * ({@code classpath:db/callback}). Who is who:
 * <ul>
 * <li>embedded default: migrations as the superuser (owner of the tables), the pool as the login role
 *     {@value EmbeddedPostgresServer#APPLICATION_ROLE}, which the callback grants what it needs and no more;</li>
 * <li>external with {@code REGISTRY_DB_MIGRATION_USER}: migrations as that login, the pool as
 *     {@code REGISTRY_DB_USER}, granted the same way;</li>
 * <li>external without it: {@code REGISTRY_DB_USER} does both and owns the tables (the callback does nothing;
 *     the audit trail's append-only triggers then do not bind that login: docs/operations.md).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {
    /** Flyway placeholder naming the application's login in the grants callback; empty for none. */
    static final String APP_ROLE_PLACEHOLDER = "appRole";
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedDatabaseCondition.class)
    EmbeddedPostgresServer embeddedPostgresServer(RegistryProperties properties) {
        log.info("No REGISTRY_DB_URL: starting the embedded PostgreSQL server (data in {})",
                properties.embeddedDbDirectory());
        return EmbeddedPostgresServer.start(properties.embeddedDbDirectory(), properties.embeddedDb().port());
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(RegistryProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("registry");
        RegistryProperties.Database db = properties.db();
        if (db.external()) {
            log.info("Using the external PostgreSQL database configured by REGISTRY_DB_URL");
            ds.setJdbcUrl(db.url());
            ds.setUsername(db.user());
            ds.setPassword(db.password());
        } else {
            EmbeddedPostgresServer server = embedded.getObject();
            ds.setJdbcUrl(server.jdbcUrl());
            ds.setUsername(server.application().user());
            ds.setPassword(server.application().password());
        }
        return ds;
    }

    /** Migrations run as the owner of the tables; the grants callback learns the application's login. */
    @Bean
    FlywayConfigurationCustomizer migrationLogin(RegistryProperties properties,
                                                 ObjectProvider<EmbeddedPostgresServer> embedded) {
        return configuration -> {
            RegistryProperties.Database db = properties.db();
            String appRole = "";
            if (!db.external()) {
                EmbeddedPostgresServer server = embedded.getObject();
                configuration.dataSource(server.jdbcUrl(), server.owner().user(), server.owner().password());
                appRole = server.application().user();
            } else if (db.separateMigrationUser()) {
                if (db.user() == null || !db.user().matches(RegistryProperties.Database.ROLE_NAME)) {
                    throw new StartupFailure("REGISTRY_DB_MIGRATION_USER is set but REGISTRY_DB_USER is "
                            + (db.user() == null ? "not set." : "not a plain role name."),
                            "Set REGISTRY_DB_USER to the application's login (letters, digits, _ . @ -), which "
                                    + "the migration login grants its table privileges to.");
                }
                log.info("Migrations run as REGISTRY_DB_MIGRATION_USER; the application connects as REGISTRY_DB_USER "
                        + "with granted privileges only");
                configuration.dataSource(db.url(), db.migrationUser(), db.migrationPassword());
                appRole = db.user();
            }
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put(APP_ROLE_PLACEHOLDER, appRole);
            configuration.placeholders(placeholders);
        };
    }
}
