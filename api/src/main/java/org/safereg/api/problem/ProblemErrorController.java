package org.safereg.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safereg.api.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}), replacing Boot's whitelabel/JSON error: whatever ends
 * there (an exception thrown in a filter, a request Tomcat rejected, {@code sendError}) is answered as
 * problem+json with the type for its status, regardless of the request's {@code Accept} header.
 */
@Controller
class ProblemErrorController implements ErrorController {
    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);
    private final ProblemResponseWriter writer;

    ProblemErrorController(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        ProblemType type = ApiExceptionHandler.forStatus(status);
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (exception instanceof Throwable t && ApiExceptionHandler.unavailable(t)) {
            type = ProblemType.UNAVAILABLE;
        }
        if (type == ProblemType.INTERNAL_ERROR) {
            log.error("Request {} failed with {}", RequestIdFilter.of(request),
                    exception instanceof Throwable t ? ApiExceptionHandler.causeTypes(t) : "status " + status);
        }
        writer.write(response, Problems.of(type, request));
    }
}
