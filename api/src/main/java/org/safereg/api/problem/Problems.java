package org.safereg.api.problem;

import jakarta.servlet.ServletRequest;
import java.net.URI;
import java.util.List;
import org.safereg.api.web.RequestIdFilter;
import org.safereg.privacy.DenialReason;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds the RFC 9457 bodies of this API. Every problem has a stable {@code type}, a fixed title and detail
 * (never an exception message, never a value from the request), {@code instance} =
 * {@code urn:safereg:request:<request id>} and a {@code requestId} property. Validation problems add
 * {@code errors}: field path + message, never the rejected value.
 */
public final class Problems {
    private Problems() {
    }

    /** One invalid field: its path in the request body (or parameter name) and what is wrong. */
    public record FieldProblem(String field, String message) {
    }

    public static ProblemDetail of(ProblemType type, ServletRequest request) {
        return of(type, type.detail(), request);
    }

    /** With a specific fixed detail text; callers pass constant text only. */
    public static ProblemDetail of(ProblemType type, String detail, ServletRequest request) {
        return build(type.uri(), type.status(), type.title(), detail, request);
    }

    /** A policy denial: 403 with the denial reason's slug. */
    public static ProblemDetail denied(DenialReason reason, ServletRequest request) {
        return build(URI.create(ProblemType.URN_PREFIX + reason.slug()), HttpStatus.FORBIDDEN, "Access denied",
                reason.detail(), request);
    }

    public static ProblemDetail validation(List<FieldProblem> errors, ServletRequest request) {
        ProblemDetail p = of(ProblemType.VALIDATION, request);
        p.setProperty("errors", List.copyOf(errors));
        return p;
    }

    /** The response entity for a problem: its status, {@code application/problem+json}, not cacheable. */
    public static ResponseEntity<Object> response(ProblemDetail problem) {
        return response(problem, HttpHeaders.EMPTY);
    }

    /** As {@link #response(ProblemDetail)}, keeping {@code extra} headers (e.g. {@code Allow} on 405). */
    public static ResponseEntity<Object> response(ProblemDetail problem, HttpHeaders extra) {
        HttpHeaders h = new HttpHeaders();
        h.addAll(extra);
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        h.setCacheControl("no-store");
        return new ResponseEntity<>(problem, h, HttpStatus.valueOf(problem.getStatus()));
    }

    private static ProblemDetail build(URI type, HttpStatus status, String title, String detail,
                                       ServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setType(type);
        p.setTitle(title);
        p.setDetail(detail);
        String requestId = RequestIdFilter.of(request);
        p.setInstance(URI.create("urn:safereg:request:" + requestId));
        p.setProperty("requestId", requestId);
        return p;
    }
}
