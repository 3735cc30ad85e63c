package org.safereg.registration;

/**
 * A stored ciphertext failed authentication: it was altered or moved from another subject, column or schema
 * version (associated-data binding). The data is not returned, the event is audited as FAILED. This signals
 * tampering or corruption of the database, not a client error. API: 500 with a stable problem type, no details.
 */
public final class RecordIntegrityException extends RegistrationException {
    public RecordIntegrityException(Throwable cause) {
        super("a stored record failed integrity verification", cause);
    }
}
