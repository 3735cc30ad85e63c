package org.safereg.api.config;

/**
 * A configuration or environment problem that stops the server at start-up (keystore unreadable, data
 * directory in use, inconsistent settings). {@link StartupFailureAnalyzer} prints the description and the
 * action for the operator instead of a stack trace. Messages never contain secrets or personal values.
 */
public class StartupFailure extends RuntimeException {
    private final String action;

    public StartupFailure(String description, String action) {
        super(description);
        this.action = action;
    }

    public StartupFailure(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    /** What the operator should do about it. */
    public String action() {
        return action;
    }
}
