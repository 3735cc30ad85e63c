package org.safereg.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.safereg.api.web.BodyTooLargeException;
import org.safereg.api.web.RequestIdFilter;
import org.safereg.keys.KeyProviderUnavailableException;
import org.safereg.registration.KeyProviderMismatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 problem: Spring's own exceptions (unknown
 * route, 405, 406, 415, unreadable body, validation) keep their status but get this API's stable type and a
 * fixed detail; database or key-provider unavailability anywhere in the cause chain is 503; anything else is
 * 500. Logs server failures by exception type and request id only (messages of libraries may contain
 * personal values, so they are never logged or answered).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
        if (causedBy(ex, KeyProviderMismatchException.class)) {
            log.error("Request {} refused: the key provider is not the one this database was encrypted with",
                    RequestIdFilter.of(request));
            return Problems.response(Problems.of(ProblemType.KEY_PROVIDER_MISMATCH, request));
        }
        if (unavailable(ex)) {
            log.warn("Request {} failed: a required service is unavailable ({})", RequestIdFilter.of(request),
                    causeTypes(ex));
            return Problems.response(Problems.of(ProblemType.UNAVAILABLE, request));
        }
        log.error("Request {} failed with {}", RequestIdFilter.of(request), causeTypes(ex));
        return Problems.response(Problems.of(ProblemType.INTERNAL_ERROR, request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> errors = new ArrayList<>();
        for (ObjectError error : ex.getBindingResult().getAllErrors()) {
            String field = error instanceof FieldError f ? f.getField() : error.getObjectName();
            errors.add(new Problems.FieldProblem(field, message(error.getDefaultMessage())));
        }
        return Problems.response(Problems.validation(errors, servlet(request)), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new Problems.FieldProblem(result.getMethodParameter().getParameterName(),
                        message(error.getDefaultMessage())))));
        return Problems.response(Problems.validation(errors, servlet(request)), headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        return Problems.response(Problems.validation(List.of(new Problems.FieldProblem(name == null ? "parameter" : name,
                "has an invalid format")), servlet(request)), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(ex, BodyTooLargeException.class)) {
            return Problems.response(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, servlet(request)), headers);
        }
        if (ex.getCause() instanceof DatabindException bind) {
            Problems.FieldProblem field = fieldProblem(bind);
            if (field != null) {
                return Problems.response(Problems.validation(List.of(field), servlet(request)), headers);
            }
        }
        return Problems.response(Problems.of(ProblemType.MALFORMED_REQUEST, servlet(request)), headers);
    }

    /** Every other Spring MVC exception: keep its status, replace the body with ours. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemType type = forStatus(statusCode.value());
        if (type == ProblemType.INTERNAL_ERROR) {
            log.error("Request {} failed with {}", RequestIdFilter.of(servlet(request)), causeTypes(ex));
        }
        return Problems.response(Problems.of(type, servlet(request)), headers);
    }

    /** The problem type for a bare HTTP status (Spring's exceptions, the error page). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 409 -> ProblemType.CONFLICT;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 422 -> ProblemType.UNPROCESSABLE;
            case 503 -> ProblemType.UNAVAILABLE;
            default -> status >= 400 && status < 500 ? ProblemType.MALFORMED_REQUEST : ProblemType.INTERNAL_ERROR;
        };
    }

    /** True if the database or the key provider is unavailable somewhere in the cause chain: answer 503. */
    public static boolean unavailable(Throwable ex) {
        return causedBy(ex, DataAccessResourceFailureException.class)
                || causedBy(ex, CannotCreateTransactionException.class)
                || causedBy(ex, SQLTransientConnectionException.class)
                || causedBy(ex, KeyProviderUnavailableException.class);
    }

    static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Exception class names along the cause chain, for logs: never messages. */
    public static String causeTypes(Throwable ex) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable t = ex; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (!sb.isEmpty()) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getName());
        }
        return sb.toString();
    }

    /**
     * The field a binding failure concerns, or null if it cannot be told: an unknown property, a value of the
     * wrong type or format, or a required value missing (a model constructor's null check, which names the
     * field). Never includes the value.
     */
    private static Problems.FieldProblem fieldProblem(DatabindException ex) {
        String path = path(ex);
        if (ex instanceof UnrecognizedPropertyException) {
            return new Problems.FieldProblem(path, "is not a known field");
        }
        if (ex instanceof ValueInstantiationException) {
            Throwable root = ex;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof NullPointerException npe && npe.getMessage() != null
                    && FIELD_NAME.matcher(npe.getMessage()).matches()) {
                return new Problems.FieldProblem(path.isEmpty() ? npe.getMessage() : path + "." + npe.getMessage(),
                        "is required");
            }
            return path.isEmpty() ? null : new Problems.FieldProblem(path, "is invalid");
        }
        return path.isEmpty() ? null : new Problems.FieldProblem(path, "has an invalid type or format");
    }

    private static String path(JacksonException ex) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String message(String defaultMessage) {
        return defaultMessage == null ? "is invalid" : defaultMessage;
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }
}
