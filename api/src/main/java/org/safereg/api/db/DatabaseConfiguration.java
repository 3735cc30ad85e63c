package org.safereg.api.db;

import com.zaxxer.hikari.HikariDataSource;
import org.safereg.api.config.RegistryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link javax.sql.DataSource}: a HikariCP pool over the external PostgreSQL at {@code REGISTRY_DB_URL}
 * when set, otherwise over the {@link EmbeddedPostgresServer} started here. Pool settings bind from
 * {@code spring.datasource.hikari.*}. Boot's Flyway migrates it on start ({@code classpath:db/migration}).
 * On shutdown the pool closes before the embedded server stops (the pool depends on it).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {
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
            ds.setUsername(server.user());
            ds.setPassword(server.password());
        }
        return ds;
    }
}
