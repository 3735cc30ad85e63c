package org.safereg.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.safereg.api.config.RegistryProperties;
import org.safereg.api.problem.ProblemResponseWriter;
import org.safereg.api.problem.ProblemType;
import org.safereg.api.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces {@code registry.http.max-request-body} (or, for routes with their own limit, the
 * {@value #LIMIT_ATTRIBUTE} request attribute an earlier filter set) before any body is read: a declared
 * {@code Content-Length} over the limit is answered 413 at once (before authentication, without reading the
 * body); a body without a length (chunked) is counted as it is read and reading fails with
 * {@link BodyTooLargeException} at the limit, which the exception handler answers 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodySizeLimitFilter extends OncePerRequestFilter {
    /** Request attribute (a {@link Long}, bytes) replacing the general limit for this request. */
    public static final String LIMIT_ATTRIBUTE = "org.safereg.api.web.BodySizeLimitFilter.limit";

    private final long limit;
    private final ProblemResponseWriter problems;

    BodySizeLimitFilter(RegistryProperties properties, ProblemResponseWriter problems) {
        this.limit = properties.http().maxRequestBody().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = request.getAttribute(LIMIT_ATTRIBUTE) instanceof Long routeLimit ? routeLimit : limit;
        if (request.getContentLengthLong() > max) {
            problems.write(response, Problems.of(ProblemType.PAYLOAD_TOO_LARGE, request));
            return;
        }
        chain.doFilter(new LimitedRequest(request, max), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) {
                throw new IllegalStateException("getReader() was already called");
            }
            if (stream == null) {
                stream = new CountingInputStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    private static final class CountingInputStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        CountingInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
