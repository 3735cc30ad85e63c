package org.safereg.privacy.statistics;

/**
 * Thrown by {@link TableProtector#protect} when no suppression pattern passing the audit was found (repair
 * rounds exhausted, a cell known from an earlier release is sensitive here, or a linear program failed):
 * nothing of the table may be released. The message names no cell and no count.
 */
public final class TableProtectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TableProtectionException(String message) {
        super(message);
    }

    TableProtectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
