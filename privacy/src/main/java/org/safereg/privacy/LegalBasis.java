package org.safereg.privacy;

/**
 * The lawful basis on which a subject's data is processed for one purpose. Consent-based bases lapse when the
 * consent is refused, withdrawn or expires; the others stand once recorded until their validity ends.
 */
public enum LegalBasis {
    /** Consent of the subject (or their parent, guardian or proxy). */
    CONSENT,
    /** Explicit consent, required for biometrics and other special-category data. */
    EXPLICIT_CONSENT,
    /** Processing needed to protect the life or safety of the subject (break-glass, emergencies). */
    VITAL_INTEREST,
    /** A task carried out under the organisation's mandate in the public interest. */
    PUBLIC_INTEREST_MANDATE,
    /** An obligation under law applicable to the organisation. */
    LEGAL_OBLIGATION,
    /** The organisation's legitimate interest, balanced against the subject's rights. */
    LEGITIMATE_INTEREST;

    /** Whether this basis is a consent (it depends on the subject's GIVEN status). */
    public boolean consentBased() {
        return this == CONSENT || this == EXPLICIT_CONSENT;
    }
}
