package org.safereg.api.db;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up report when the database cannot be reached or entered (SQLState class 08 connection exception, 28
 * invalid authorisation, 3D unknown database, while connecting for the migrations): names the settings to
 * check instead of a driver stack trace. The URL is not printed (it may carry a password).
 */
class DatabaseConnectionFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState();
        if (state == null || !(state.startsWith("08") || state.startsWith("28") || state.startsWith("3D"))) {
            return null;
        }
        return new FailureAnalysis("Cannot connect to the database (REGISTRY_DB_URL, or the embedded server).",
                "Check that PostgreSQL is running and reachable at REGISTRY_DB_URL, and that REGISTRY_DB_USER and "
                        + "REGISTRY_DB_PASSWORD are right; or unset REGISTRY_DB_URL to use the embedded database.",
                cause);
    }
}
