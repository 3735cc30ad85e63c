package org.safereg.api.config;

import org.safereg.api.problem.ApiExceptionHandler;

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

    /**
     * For command-line tools: the description and action of a {@code StartupFailure} in {@code e}'s cause chain,
     * else the exception types along the chain (never their messages, which may carry values).
     */
    public static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StartupFailure failure) {
                return failure.getMessage() + " " + failure.action();
            }
        }
        return ApiExceptionHandler.causeTypes(e);
    }
}
