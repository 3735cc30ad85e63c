package org.safereg.api.keys;

import org.safereg.keys.KekProvider;
import org.safereg.keys.KeyProviderUnavailableException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the key provider ({@code keyProvider} in {@code /actuator/health}, and in the readiness group): UP
 * when {@link KekProvider#checkAvailable()} passes, DOWN otherwise (Vault unreachable, sealed, refusing the token),
 * and UP again by itself once the provider serves: every probe asks the provider afresh. Details (primary KEK
 * version, or why it is down: the provider's message, which names no secret) only reach ADMIN. Costs one provider
 * call or two (Vault: one or two HTTP round trips).
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
            return Health.down().withDetail("error", "key provider unavailable")
                    .withDetail("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
