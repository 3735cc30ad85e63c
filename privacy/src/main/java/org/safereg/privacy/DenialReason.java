package org.safereg.privacy;

/**
 * Why access was denied. Each reason maps to a stable problem+json {@code type}; none reveals personal data.
 * Consent and agreement reasons are decided by the privacy engine's consent checks.
 */
public enum DenialReason {
    NO_PURPOSE("no-purpose", "The request declares no purpose (header X-Purpose)."),
    INVALID_PURPOSE("invalid-purpose", "The declared purpose is not a known purpose code."),
    PROHIBITED_PURPOSE("prohibited-purpose", "The declared purpose is prohibited and can never be allowed."),
    PURPOSE_NOT_ALLOWED_FOR_ROLE("purpose-not-allowed", "None of your roles may process data for the declared purpose."),
    ACTION_NOT_COVERED_BY_PURPOSE("action-not-covered", "The declared purpose does not cover this operation."),
    ACTION_NOT_ALLOWED_FOR_ROLE("action-not-allowed-for-role",
            "None of your roles that may use the declared purpose may perform this operation."),
    NO_CONSENT("no-consent", "The subject has no valid basis for the declared purpose."),
    CONSENT_WITHDRAWN("consent-withdrawn", "The subject withdrew consent for the declared purpose."),
    CONSENT_EXPIRED("consent-expired", "The subject's consent for the declared purpose has expired."),
    NO_AGREEMENT("no-agreement", "No active data-sharing agreement covers this recipient and purpose."),
    RECIPIENT_NOT_CONSENTED("recipient-not-consented",
            "The subject's consent for the declared purpose does not name this recipient.");

    private final String slug;
    private final String detail;

    DenialReason(String slug, String detail) {
        this.slug = slug;
        this.detail = detail;
    }

    /** Stable identifier used in problem {@code type} URIs. */
    public String slug() {
        return slug;
    }

    /** Human-readable explanation without personal data. */
    public String detail() {
        return detail;
    }
}
