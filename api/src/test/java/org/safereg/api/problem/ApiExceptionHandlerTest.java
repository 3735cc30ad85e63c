package org.safereg.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.safereg.keys.KeyProviderUnavailableException;
import org.safereg.registration.KeyProviderMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The catch-all mapping: unavailability of the database or key provider anywhere in the cause chain is 503
 * {@code unavailable}; anything else is 500 {@code internal-error}; neither carries the exception's message.
 */
class ApiExceptionHandlerTest {
    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    private ProblemDetail answer(Exception e) {
        ResponseEntity<Object> r = handler.unexpected(e, new MockHttpServletRequest());
        ProblemDetail p = (ProblemDetail) r.getBody();
        assertThat(r.getStatusCode().value()).isEqualTo(p.getStatus());
        assertThat(r.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(p.getDetail()).doesNotContain("Amina");
        return p;
    }

    @Test
    void anythingUnexpectedIs500WithoutItsMessage() {
        ProblemDetail p = answer(new IllegalStateException("record of Amina Yusuf is broken"));
        assertThat(p.getStatus()).isEqualTo(500);
        assertThat(p.getType().toString()).isEqualTo("urn:safereg:problem:internal-error");
        assertThat(p.getProperties()).containsKey("requestId");
    }

    @Test
    void aKeyProviderThatIsNotTheDatabasesIs503WithItsOwnType() {
        ProblemDetail p = answer(new IllegalStateException("wrapped Amina", new KeyProviderMismatchException("the key provider does not hold the keys this database was encrypted with")));
        assertThat(p.getStatus()).isEqualTo(503);
        assertThat(p.getType().toString()).isEqualTo("urn:safereg:problem:key-provider-mismatch");
    }

    @Test
    void unavailableInfrastructureAnywhereInTheChainIs503() {
        for (Exception e : new Exception[] {
                new CannotGetJdbcConnectionException("Amina", new java.sql.SQLException("down")),
                new DataAccessResourceFailureException("Amina"),
                new CannotCreateTransactionException("Amina", new SQLTransientConnectionException("timeout")),
                new RuntimeException("wrapped Amina", new SQLTransientConnectionException("timeout")),
                new IllegalStateException("wrapped Amina", new KeyProviderUnavailableException("vault sealed"))}) {
            ProblemDetail p = answer(e);
            assertThat(p.getStatus()).as(e.getClass().getName()).isEqualTo(503);
            assertThat(p.getType().toString()).isEqualTo("urn:safereg:problem:unavailable");
        }
    }
}
