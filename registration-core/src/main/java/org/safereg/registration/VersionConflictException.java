package org.safereg.registration;

/**
 * Optimistic concurrency: the caller based its change on {@link #expectedVersion()} but the record is now at
 * {@link #currentVersion()}. Nothing was written; re-read and retry. API: 409 (or 412 with If-Match).
 */
public final class VersionConflictException extends RegistrationException {
    private final int expectedVersion;
    private final int currentVersion;

    public VersionConflictException(int expectedVersion, int currentVersion) {
        super("the record is at version " + currentVersion + ", not " + expectedVersion);
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public int expectedVersion() {
        return expectedVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
