package org.safereg.api.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Bounds how many password verifications (Argon2id, 19 MiB each) run at once, so a flood of sign-in attempts
 * costs at most {@code permits} x 19 MiB of memory and {@code permits} cores instead of exhausting the heap. A
 * caller waits at most {@code wait} for a permit (first come, first served), else gets
 * {@link SignInRefusedException#busy}. Thread-safe.
 */
final class PasswordVerificationGate {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private final Semaphore permits;
    private final Duration wait;

    PasswordVerificationGate(int permits, Duration wait) {
        if (permits < 1) {
            throw new IllegalArgumentException("at least one permit");
        }
        this.permits = new Semaphore(permits, true);
        this.wait = wait;
    }

    /** Runs {@code verification} under a permit; throws {@link SignInRefusedException} if none frees in time. */
    boolean verify(BooleanSupplier verification) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SignInRefusedException.busy(RETRY_AFTER);
        }
        if (!acquired) {
            throw SignInRefusedException.busy(RETRY_AFTER);
        }
        try {
            return verification.getAsBoolean();
        } finally {
            permits.release();
        }
    }
}
