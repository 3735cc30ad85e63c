package org.safereg.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.safereg.api.problem.ProblemResponseWriter;
import org.safereg.api.problem.ProblemType;
import org.safereg.api.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies are UTF-8: a {@code Content-Type} declaring any other {@code charset} (or one Java does not
 * know) is answered 415 {@code unsupported-media-type} before authentication and before the body is read,
 * instead of being decoded in that charset. A content type without a charset is read as UTF-8. A
 * {@code Content-Type} that does not parse is left to Spring MVC (also 415).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class Utf8RequestBodyFilter extends OncePerRequestFilter {
    static final String DETAIL = "Send the request body as application/json encoded in UTF-8 "
            + "(charset=UTF-8 or no charset parameter).";
    private final ProblemResponseWriter problems;

    Utf8RequestBodyFilter(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!utf8OrUndeclared(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            problems.write(response, Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, DETAIL, request));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean utf8OrUndeclared(String contentType) {
        if (contentType == null) {
            return true;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return true;
        }
        String charset = type.getParameter("charset");
        if (charset == null) {
            return true;
        }
        try {
            return StandardCharsets.UTF_8.equals(type.getCharset());
        } catch (IllegalArgumentException unknownCharset) {
            return false;
        }
    }
}
