package org.safereg.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safereg.api.problem.ProblemResponseWriter;
import org.safereg.api.problem.ProblemType;
import org.safereg.api.problem.Problems;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 problem+json (type {@code forbidden}) when the user's roles do not allow the route. */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {
    private final ProblemResponseWriter writer;

    ProblemAccessDeniedHandler(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        writer.write(response, Problems.of(ProblemType.FORBIDDEN, request));
    }
}
