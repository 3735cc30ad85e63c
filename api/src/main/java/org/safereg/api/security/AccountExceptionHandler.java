package org.safereg.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.safereg.api.problem.ProblemType;
import org.safereg.api.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problems for the account exceptions: 409 conflict, 404 not found, 400 validation of the new password. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountExceptionHandler {

    @ExceptionHandler(AccountConflictException.class)
    ResponseEntity<Object> conflict(AccountConflictException e, HttpServletRequest request) {
        return Problems.response(Problems.of(ProblemType.CONFLICT, e.getMessage(), request));
    }

    @ExceptionHandler(AccountNotFoundException.class)
    ResponseEntity<Object> notFound(HttpServletRequest request) {
        return Problems.response(Problems.of(ProblemType.NOT_FOUND, "No such account.", request));
    }

    @ExceptionHandler(PasswordPolicyException.class)
    ResponseEntity<Object> password(PasswordPolicyException e, HttpServletRequest request) {
        return Problems.response(Problems.validation(List.of(new Problems.FieldProblem("newPassword", e.getMessage())), request));
    }
}
