package org.safereg.api.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safereg.api.web.RequestIdFilter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem body directly to the servlet response, for code that runs outside Spring MVC (filters,
 * security entry points, the error page). Produces the same JSON shape as MVC's rendering of
 * {@link ProblemDetail}. Thread-safe.
 */
@Component
public class ProblemResponseWriter {
    private final JsonMapper json;

    public ProblemResponseWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        Object requestId = problem.getProperties() == null ? null : problem.getProperties().get("requestId");
        if (requestId != null) {
            response.setHeader(RequestIdFilter.HEADER, requestId.toString());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.getOutputStream().write(json.writeValueAsBytes(body));
        response.flushBuffer();
    }
}
