package org.safereg.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safereg.api.problem.ApiExceptionHandler;
import org.safereg.api.problem.ProblemResponseWriter;
import org.safereg.api.problem.ProblemType;
import org.safereg.api.problem.Problems;
import org.safereg.api.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 problem+json for missing or bad credentials (with the {@code WWW-Authenticate} challenge of the active
 * mode), or 503 when authentication could not be decided because the account store or the token issuer is
 * unavailable.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {
    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);
    private final ProblemResponseWriter writer;
    private final boolean bearer;

    ProblemAuthenticationEntryPoint(ProblemResponseWriter writer, boolean bearer) {
        this.writer = writer;
        this.bearer = bearer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (ApiExceptionHandler.unavailable(e)) {
            log.warn("Request {}: authentication failed, a required service is unavailable ({})",
                    RequestIdFilter.of(request), ApiExceptionHandler.causeTypes(e));
            writer.write(response, Problems.of(ProblemType.UNAVAILABLE, request));
            return;
        }
        if (bearer) {
            response.setHeader("WWW-Authenticate", e instanceof InvalidBearerTokenException
                    ? "Bearer error=\"invalid_token\"" : "Bearer");
        } else {
            response.setHeader("WWW-Authenticate", "Basic realm=\"safereg\", charset=\"UTF-8\"");
        }
        writer.write(response, Problems.of(ProblemType.UNAUTHENTICATED, request));
    }
}
