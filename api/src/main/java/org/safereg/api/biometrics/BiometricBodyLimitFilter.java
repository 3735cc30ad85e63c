package org.safereg.api.biometrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safereg.api.web.BodySizeLimitFilter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives the {@code /api/v1/biometrics/} routes their own body limit ({@code registry.biometrics.max-request-body},
 * larger than the general one because fingerprint images travel in the body): sets it as the request's limit,
 * which {@link BodySizeLimitFilter} then enforces before any body is read. Runs before that filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BiometricBodyLimitFilter extends OncePerRequestFilter {
    static final String PREFIX = "/api/v1/biometrics/";
    private final long limit;

    BiometricBodyLimitFilter(BiometricsProperties properties) {
        this.limit = properties.maxRequestBody().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + PREFIX)) {
            request.setAttribute(BodySizeLimitFilter.LIMIT_ATTRIBUTE, limit);
        }
        chain.doFilter(request, response);
    }
}
