package org.safereg.registration.biometrics;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code maxAttempts} 1:1 verifications per person id within {@code window} (counted in memory, per
 * process, from the first attempt of the window). Guards against probing one person's enrolment with many
 * fingers.
 */
public record VerificationRateLimit(int maxAttempts, Duration window) {
    public VerificationRateLimit {
        Objects.requireNonNull(window, "window");
        if (maxAttempts < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit allows at least one attempt in a positive window");
        }
    }

    /** 5 attempts per person per 10 minutes. */
    public static VerificationRateLimit defaults() {
        return new VerificationRateLimit(5, Duration.ofMinutes(10));
    }
}
