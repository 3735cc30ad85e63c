package org.safereg.registration.rights;

/**
 * What an erasure removes besides the data keys: each is counted in the {@link ErasureReceipt} (zero counts
 * included, so a receipt says explicitly that, for example, no consent record was held).
 */
public enum ErasedItem {
    /** Blind-index rows (document, name and date of birth, location) of the current version. */
    BLIND_INDEX_ROWS("blindIndexRows"),
    /** Fingerprint captures (image and template ciphertexts), which also leave the in-memory gallery. */
    GALLERY_FINGERS("galleryFingers"),
    /** The row of the statistical projection. */
    STATISTICAL_PROJECTION_ROWS("statisticalProjectionRows"),
    /** Active household memberships ended (the household stays with its other members). */
    HOUSEHOLD_MEMBERSHIPS_ENDED("householdMembershipsEnded"),
    /** Open adjudication cases of the subject, withdrawn. */
    ADJUDICATION_CASES_WITHDRAWN("adjudicationCasesWithdrawn"),
    /** Idempotency records naming the subject or their households as a result. */
    IDEMPOTENCY_RECORDS("idempotencyRecords"),
    /** Plaintext consent rows (purpose, basis, status, validity). */
    CONSENT_RECORDS("consentRecords"),
    /** Case notes. */
    CASE_NOTES("caseNotes");

    private final String jsonName;

    ErasedItem(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The item's name in the receipt's {@code removed} object. */
    public String jsonName() {
        return jsonName;
    }
}
