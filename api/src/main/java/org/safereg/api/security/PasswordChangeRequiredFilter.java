package org.safereg.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safereg.api.problem.ProblemResponseWriter;
import org.safereg.api.problem.ProblemType;
import org.safereg.api.problem.Problems;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While an account still has its one-time password, every request except the password change
 * ({@code POST }{@value #PASSWORD_PATH}) is answered 403 {@code password-change-required}.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {
    static final String PASSWORD_PATH = "/api/v1/account/password";
    private final ProblemResponseWriter writer;

    PasswordChangeRequiredFilter(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean mustChange = auth != null && auth.getPrincipal() instanceof AccountPrincipal p
                && p.passwordChangeRequired();
        boolean changing = "POST".equals(request.getMethod()) && PASSWORD_PATH.equals(request.getRequestURI());
        if (mustChange && !changing) {
            writer.write(response, Problems.of(ProblemType.PASSWORD_CHANGE_REQUIRED, request));
            return;
        }
        chain.doFilter(request, response);
    }
}
