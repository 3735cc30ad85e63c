package org.safereg.registration;

/**
 * No record with the given identifier (individual, household, location or site). Audited as NOT_FOUND when it
 * concerns personal data. API: 404.
 */
public final class RecordNotFoundException extends RegistrationException {
    private final String recordType;

    /** @param recordType what was looked for: {@code individual}, {@code household}, ... (no identifier) */
    public RecordNotFoundException(String recordType) {
        super("no such " + recordType);
        this.recordType = recordType;
    }

    public String recordType() {
        return recordType;
    }
}
