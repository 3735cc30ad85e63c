package org.safereg.api.security;

import java.time.Duration;
import org.safereg.api.problem.ProblemType;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without verifying the password: too many failures (429 {@code too-many-attempts}) or too
 * many verifications running (503 {@code authentication-busy}). Answered with {@code Retry-After}.
 */
final class SignInRefusedException extends AuthenticationException {
    private final ProblemType problem;
    private final Duration retryAfter;

    private SignInRefusedException(ProblemType problem, Duration retryAfter) {
        super(problem.slug());
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    static SignInRefusedException tooManyAttempts(Duration retryAfter) {
        return new SignInRefusedException(ProblemType.TOO_MANY_ATTEMPTS, retryAfter);
    }

    static SignInRefusedException busy(Duration retryAfter) {
        return new SignInRefusedException(ProblemType.AUTHENTICATION_BUSY, retryAfter);
    }

    ProblemType problem() {
        return problem;
    }

    /** Whole seconds, at least 1, for the {@code Retry-After} header. */
    long retryAfterSeconds() {
        return Math.max(1, retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0));
    }
}
