package org.safereg.api.statistics;

import jakarta.servlet.http.HttpServletRequest;
import org.safereg.api.problem.ProblemType;
import org.safereg.api.problem.Problems;
import org.safereg.registration.statistics.StatisticalReleaseRefusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problems for refused statistical releases: 409 {@code budget-exceeded}, {@code no-budget-cap} and
 * {@code extract-new-epoch-required}, 422 {@code agreement-required}, {@code geography-below-floor} and
 * {@code release-audit-failed}, with the type's fixed detail.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StatisticsExceptionHandler {

    @ExceptionHandler(StatisticalReleaseRefusedException.class)
    ResponseEntity<Object> refused(StatisticalReleaseRefusedException e, HttpServletRequest request) {
        return Problems.response(Problems.of(type(e.reason()), request));
    }

    private static ProblemType type(StatisticalReleaseRefusedException.Reason reason) {
        return switch (reason) {
            case BUDGET_EXCEEDED -> ProblemType.BUDGET_EXCEEDED;
            case NO_BUDGET_CAP -> ProblemType.NO_BUDGET_CAP;
            case AGREEMENT_REQUIRED -> ProblemType.AGREEMENT_REQUIRED;
            case GEOGRAPHY_BELOW_FLOOR -> ProblemType.GEOGRAPHY_BELOW_FLOOR;
            case AUDIT_FAILED -> ProblemType.RELEASE_AUDIT_FAILED;
            case NEW_EPOCH_REQUIRED -> ProblemType.EXTRACT_NEW_EPOCH_REQUIRED;
        };
    }
}
