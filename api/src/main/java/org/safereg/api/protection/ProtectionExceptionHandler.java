package org.safereg.api.protection;

import jakarta.servlet.http.HttpServletRequest;
import org.safereg.api.problem.ProblemType;
import org.safereg.api.problem.Problems;
import org.safereg.registration.BreakGlassRefusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problems for break-glass rule violations: one stable type per violation (self-approval 403, ...). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProtectionExceptionHandler {

    @ExceptionHandler(BreakGlassRefusedException.class)
    ResponseEntity<Object> refused(BreakGlassRefusedException e, HttpServletRequest request) {
        ProblemType type = switch (e.violation()) {
            case SELF_APPROVAL -> ProblemType.BREAK_GLASS_SELF_APPROVAL;
            case REVIEWER_INVOLVED -> ProblemType.BREAK_GLASS_REVIEWER_INVOLVED;
            case NOT_PENDING -> ProblemType.BREAK_GLASS_NOT_PENDING;
            case PURPOSE_MISMATCH -> ProblemType.BREAK_GLASS_PURPOSE_MISMATCH;
            case NOT_APPROVED -> ProblemType.BREAK_GLASS_NOT_APPROVED;
            case ALREADY_REVIEWED -> ProblemType.BREAK_GLASS_ALREADY_REVIEWED;
        };
        return Problems.response(Problems.of(type, request));
    }
}
