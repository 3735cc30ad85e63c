package org.safereg.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First filter of every request: takes the client's {@code X-Request-Id} if it matches
 * {@value #SAFE_PATTERN} (so it cannot inject anything into logs or audit rows), otherwise generates a UUID;
 * sets it on the response before anything else runs (so every response, 401 and 413 included, carries it),
 * as a request attribute ({@link #of}) and in the logging MDC ({@code requestId}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {
    /** Header carrying the correlation id, in both directions. */
    public static final String HEADER = "X-Request-Id";
    static final String SAFE_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    private static final Pattern SAFE = Pattern.compile(SAFE_PATTERN);
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();

    /** The request id of {@code request}; generated if the filter did not run (never null). */
    public static String of(ServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        if (id instanceof String s) {
            return s;
        }
        String generated = UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, generated);
        return generated;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String existing ? existing : accept(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        String previous = MDC.get("requestId");
        MDC.put("requestId", id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                MDC.remove("requestId");
            } else {
                MDC.put("requestId", previous);
            }
        }
    }

    private static String accept(String clientValue) {
        return clientValue != null && SAFE.matcher(clientValue).matches() ? clientValue : UUID.randomUUID().toString();
    }
}
