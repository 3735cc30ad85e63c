package org.safereg.registration;

import java.time.Duration;
import java.util.Objects;

/**
 * Too many 1:1 verification attempts against this person id in the current window (a guard against probing
 * someone's enrolment with many fingers). Nothing was compared. API: 429 with {@code Retry-After}.
 */
public final class VerificationRateLimitedException extends RegistrationException {
    private final Duration retryAfter;

    public VerificationRateLimitedException(Duration retryAfter) {
        super("too many verification attempts for this person; retry later");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long until a new attempt is allowed (at least one second). */
    public Duration retryAfter() {
        return retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
    }
}
