package org.safereg.api.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Health of the embedded PostgreSQL server ({@code embeddedDatabase} in {@code /actuator/health}, embedded
 * default only): UP while its process runs, DOWN once it is gone. When the process ends without SafeReg
 * stopping it (killed, crashed, out of disk), the error is logged and the application's liveness becomes
 * BROKEN, so {@code /actuator/health/liveness} answers 503 and a supervisor restarts SafeReg (which starts
 * PostgreSQL again): nothing inside the process restarts it.
 */
@Component("embeddedDatabase")
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseHealthIndicator implements HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseHealthIndicator.class);
    private final EmbeddedPostgresServer server;

    EmbeddedDatabaseHealthIndicator(EmbeddedPostgresServer server, ApplicationEventPublisher events) {
        this.server = server;
        server.onUnexpectedStop(() -> {
            log.error("The embedded PostgreSQL server stopped unexpectedly: every request needing the database "
                    + "fails (503) until SafeReg is restarted. Liveness is now DOWN.");
            AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        });
    }

    @Override
    public Health health() {
        return server.running()
                ? Health.up().withDetail("port", server.port()).build()
                : Health.down().withDetail("error", "the embedded PostgreSQL process is not running").build();
    }
}
