package org.safereg.api.keys;

import org.safereg.keys.KekProvider;
import org.safereg.keys.KeyProviderUnavailableException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the key provider ({@code keyProvider} in {@code /actuator/health}): UP when
 * {@link KekProvider#checkAvailable()} passes, DOWN otherwise. Details (primary KEK version) only reach ADMIN.
 */
@Component("keyProvider")
class KeyProviderHealthIndicator implements HealthIndicator {
    private final KekProvider kek;

    KeyProviderHealthIndicator(KekProvider kek) {
        this.kek = kek;
    }

    @Override
    public Health health() {
        try {
            kek.checkAvailable();
            return Health.up().withDetail("primaryVersion", kek.primaryVersion().toString()).build();
        } catch (KeyProviderUnavailableException e) {
            return Health.down().withDetail("error", "key provider unavailable").build();
        }
    }
}
