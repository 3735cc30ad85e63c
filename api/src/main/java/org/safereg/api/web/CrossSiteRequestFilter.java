package org.safereg.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safereg.api.problem.ProblemResponseWriter;
import org.safereg.api.problem.ProblemType;
import org.safereg.api.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests a browser marks as cross-site ({@code Sec-Fetch-Site: cross-site}) with 403
 * {@code cross-site-request}. The API is stateless and has no CSRF tokens, but a browser that remembers HTTP
 * Basic credentials would attach them to requests forged by another site; this closes that path. Non-browser
 * clients do not send the header and are unaffected.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class CrossSiteRequestFilter extends OncePerRequestFilter {
    private final ProblemResponseWriter writer;

    CrossSiteRequestFilter(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            writer.write(response, Problems.of(ProblemType.CROSS_SITE_REQUEST, request));
            return;
        }
        chain.doFilter(request, response);
    }
}
