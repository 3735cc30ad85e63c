package org.safereg.api.registration;

import java.time.Duration;
import org.safereg.registration.RegistrationCore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forgets idempotency records older than {@code registry.idempotency.retention} (default 7 days), every
 * {@code registry.idempotency.purge-interval} (default 1 hour): a client retrying later than that creates a new
 * record. The records hold only keyed hashes, but they are kept no longer than retries need them. Not created in
 * the offline commands ({@code registry.scheduling.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "registry.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class IdempotencyPurgeConfiguration {
    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurgeConfiguration.class);

    private final RegistrationCore core;
    private final Duration retention;

    IdempotencyPurgeConfiguration(RegistrationCore core, @Value("${registry.idempotency.retention:7d}") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("registry.idempotency.retention must be positive");
        }
        this.core = core;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${registry.idempotency.purge-interval:1h}",
            fixedDelayString = "${registry.idempotency.purge-interval:1h}")
    void purge() {
        try {
            int purged = core.idempotencyRetention().purge(retention);
            if (purged > 0) {
                log.info("Purged {} idempotency records older than {}", purged, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Idempotency purge failed ({}); it runs again at the next interval", e.getClass().getSimpleName());
        }
    }
}
