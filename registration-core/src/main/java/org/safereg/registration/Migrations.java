package org.safereg.registration;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The database schema: Flyway migrations in {@code classpath:db/migration} (registration-core ships V1, V3, V4,
 * ...; V2 belongs to the api's accounts table, so the api's Spring Boot Flyway runs the same location plus its
 * own). For tests and command-line tools.
 */
public final class Migrations {
    /** The Flyway location of registration-core's migrations. */
    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** Applies pending migrations from {@link #LOCATION}; returns how many were applied. */
    public static int apply(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
