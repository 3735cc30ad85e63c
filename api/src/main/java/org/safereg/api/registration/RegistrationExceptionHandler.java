package org.safereg.api.registration;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.safereg.api.problem.ProblemType;
import org.safereg.api.problem.Problems;
import org.safereg.api.web.RequestIdFilter;
import org.safereg.registration.AccessDeniedException;
import org.safereg.registration.DuplicateRecordException;
import org.safereg.registration.HouseholdMembershipException;
import org.safereg.registration.IdempotencyConflictException;
import org.safereg.registration.KekVersionInUseException;
import org.safereg.registration.OperatorActionRequiredException;
import org.safereg.registration.RecordIntegrityException;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.SubjectErasedException;
import org.safereg.registration.UnknownReferenceException;
import org.safereg.registration.ValidationException;
import org.safereg.registration.VersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problems for the registration core's exceptions: policy denial 403 (type = the denial reason's slug),
 * validation 400, not found 404, erased 410, version conflict 409, household rules 409, duplicate reference
 * data 409, KEK rotation or retirement that is an operator action in the key provider 409, idempotency key reuse
 * 422, unknown reference 422, integrity failure 500. Field paths and messages of validation errors, and the
 * messages of membership, duplicate and operator-action exceptions, come from the core, which documents them as
 * free of personal values; everything else is fixed text.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistrationExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(RegistrationExceptionHandler.class);

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
        return Problems.response(Problems.denied(e.reason(), request));
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<Object> invalid(ValidationException e, HttpServletRequest request) {
        return Problems.response(Problems.validation(e.errors().stream()
                .map(f -> new Problems.FieldProblem(f.path(), f.message())).toList(), request));
    }

    @ExceptionHandler(UnknownReferenceException.class)
    ResponseEntity<Object> unknownReference(UnknownReferenceException e, HttpServletRequest request) {
        ProblemDetail p = Problems.of(ProblemType.UNKNOWN_REFERENCE, request);
        p.setProperty("errors", List.of(new Problems.FieldProblem(e.field(), e.getMessage())));
        return Problems.response(p);
    }

    @ExceptionHandler(RecordNotFoundException.class)
    ResponseEntity<Object> notFound(RecordNotFoundException e, HttpServletRequest request) {
        return Problems.response(Problems.of(ProblemType.NOT_FOUND, "No such " + e.recordType() + ".", request));
    }

    @ExceptionHandler(SubjectErasedException.class)
    ResponseEntity<Object> erased(HttpServletRequest request) {
        return Problems.response(Problems.of(ProblemType.ERASED, request));
    }

    @ExceptionHandler(VersionConflictException.class)
    ResponseEntity<Object> versionConflict(VersionConflictException e, HttpServletRequest request) {
        ProblemDetail p = Problems.of(ProblemType.VERSION_CONFLICT, request);
        p.setProperty("currentVersion", e.currentVersion());
        return Problems.response(p);
    }

    @ExceptionHandler(HouseholdMembershipException.class)
    ResponseEntity<Object> membership(HouseholdMembershipException e, HttpServletRequest request) {
        return Problems.response(Problems.of(ProblemType.HOUSEHOLD_MEMBERSHIP, e.getMessage(), request));
    }

    @ExceptionHandler(DuplicateRecordException.class)
    ResponseEntity<Object> duplicate(DuplicateRecordException e, HttpServletRequest request) {
        return Problems.response(Problems.of(ProblemType.CONFLICT, e.getMessage(), request));
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<Object> idempotency(HttpServletRequest request) {
        return Problems.response(Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED, request));
    }

    @ExceptionHandler(KekVersionInUseException.class)
    ResponseEntity<Object> kekInUse(HttpServletRequest request) {
        return Problems.response(Problems.of(ProblemType.KEK_VERSION_IN_USE, request));
    }

    @ExceptionHandler(OperatorActionRequiredException.class)
    ResponseEntity<Object> operatorAction(OperatorActionRequiredException e, HttpServletRequest request) {
        return Problems.response(Problems.of(ProblemType.OPERATOR_ACTION_REQUIRED, e.getMessage() + ".", request));
    }

    @ExceptionHandler(RecordIntegrityException.class)
    ResponseEntity<Object> integrity(HttpServletRequest request) {
        log.error("Request {}: a stored record failed integrity verification (tampering or corruption)",
                RequestIdFilter.of(request));
        return Problems.response(Problems.of(ProblemType.RECORD_INTEGRITY, request));
    }
}
