package org.safereg.api.protection;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Break-glass settings under {@code registry.break-glass} (environment {@code REGISTRY_BREAK_GLASS_DURATION}).
 * Bound and validated at start-up. Immutable.
 *
 * @param duration how long an approved break-glass grant lets its requester process the subject's data without
 *     consent (from approval); positive, at most 7 days; default 24 hours
 */
@ConfigurationProperties("registry.break-glass")
@Validated
public record BreakGlassProperties(@DefaultValue("24h") @NotNull Duration duration) {

    @AssertTrue(message = "must be positive and at most 7 days")
    boolean isDurationInRange() {
        return duration == null || (!duration.isNegative() && !duration.isZero()
                && duration.compareTo(Duration.ofDays(7)) <= 0);
    }
}
