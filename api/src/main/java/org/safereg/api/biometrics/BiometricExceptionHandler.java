package org.safereg.api.biometrics;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.safereg.api.problem.ProblemType;
import org.safereg.api.problem.Problems;
import org.safereg.matching.RejectionReason;
import org.safereg.registration.AdjudicationConflictException;
import org.safereg.registration.BiometricsNotReadyException;
import org.safereg.registration.FingerprintCaptureRejectedException;
import org.safereg.registration.VerificationRateLimitedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problems for the biometric exceptions: a rejected image is 422 with type
 * {@code urn:safereg:problem:fingerprint-<reason>} (one per {@link RejectionReason}), the officer's advice as
 * detail, and {@code reason}, {@code captureIndex}, {@code position} and {@code errors} (the field
 * {@code fingerprints[i].image}); gallery not loaded 503 with {@code Retry-After}; too many verifications 429
 * with {@code Retry-After}; adjudication state conflicts 409. Texts are fixed or come from the core, which
 * documents them as free of personal values.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BiometricExceptionHandler {
    /** Seconds a client should wait before retrying while the gallery loads. */
    static final long NOT_READY_RETRY_SECONDS = 10;

    /** The problem type of a rejection reason. */
    static ProblemType problemType(RejectionReason reason) {
        return ProblemType.valueOf("FINGERPRINT_" + reason.name());
    }

    @ExceptionHandler(FingerprintCaptureRejectedException.class)
    ResponseEntity<Object> rejected(FingerprintCaptureRejectedException e, HttpServletRequest request) {
        ProblemDetail p = Problems.of(problemType(e.reason()), e.reason().officerMessage(), request);
        p.setProperty("reason", e.reason().name());
        p.setProperty("captureIndex", e.captureIndex());
        p.setProperty("position", e.position().name());
        p.setProperty("errors", List.of(new Problems.FieldProblem("fingerprints[" + e.captureIndex() + "].image",
                e.reason().officerMessage())));
        return Problems.response(p);
    }

    @ExceptionHandler(BiometricsNotReadyException.class)
    ResponseEntity<Object> notReady(HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(NOT_READY_RETRY_SECONDS));
        return Problems.response(Problems.of(ProblemType.BIOMETRICS_NOT_READY, request), headers);
    }

    @ExceptionHandler(VerificationRateLimitedException.class)
    ResponseEntity<Object> rateLimited(VerificationRateLimitedException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        long seconds = (e.retryAfter().toMillis() + 999) / 1000;
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return Problems.response(Problems.of(ProblemType.VERIFICATION_RATE_LIMITED, request), headers);
    }

    @ExceptionHandler(AdjudicationConflictException.class)
    ResponseEntity<Object> conflict(AdjudicationConflictException e, HttpServletRequest request) {
        return Problems.response(Problems.of(ProblemType.ADJUDICATION_CONFLICT, e.getMessage(), request));
    }
}
