package org.safereg.registration.biometrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.safereg.keys.SubjectId;

/**
 * In-memory verification attempt counter per person id: a fixed window that starts at the first attempt.
 * Memory: one small entry per person verified within the last window; expired entries are dropped once the map
 * grows past {@link #PRUNE_ABOVE}. Thread-safe.
 */
final class VerificationLimiter {
    private static final int PRUNE_ABOVE = 4096;

    private final VerificationRateLimit limit;
    private final ConcurrentHashMap<UUID, Window> windows = new ConcurrentHashMap<>();

    private record Window(Instant start, int attempts) {
    }

    VerificationLimiter(VerificationRateLimit limit) {
        this.limit = limit;
    }

    /** Counts an attempt; empty if it is allowed, else how long until the person's window ends. */
    Optional<Duration> tryAcquire(SubjectId subject, Instant now) {
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(w -> expired(w, now));
        }
        Window w = windows.compute(subject.value(), (id, old) -> old == null || expired(old, now)
                ? new Window(now, 1)
                : new Window(old.start(), old.attempts() + 1));
        return w.attempts() <= limit.maxAttempts()
                ? Optional.empty()
                : Optional.of(Duration.between(now, w.start().plus(limit.window())));
    }

    private boolean expired(Window w, Instant now) {
        return !now.isBefore(w.start().plus(limit.window()));
    }
}
