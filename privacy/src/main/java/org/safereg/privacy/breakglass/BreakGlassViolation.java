package org.safereg.privacy.breakglass;

/**
 * A rule of the break-glass workflow that a step would break. Each has a stable slug (the API's problem type)
 * and a fixed explanation without personal data.
 */
public enum BreakGlassViolation {
    SELF_APPROVAL("break-glass-self-approval", "A break-glass request must be approved or rejected by a second, "
            + "different user; the requester cannot decide it."),
    NOT_PENDING("break-glass-not-pending", "The break-glass request was already approved or rejected."),
    PURPOSE_MISMATCH("break-glass-purpose-mismatch", "Declare the purpose the break-glass request was made for."),
    NOT_APPROVED("break-glass-not-approved", "Only approved break-glass grants are reviewed."),
    ALREADY_REVIEWED("break-glass-already-reviewed", "The break-glass grant was already reviewed."),
    REVIEWER_INVOLVED("break-glass-reviewer-involved", "The reviewer of a break-glass grant must be neither its "
            + "requester nor its approver.");

    private final String slug;
    private final String detail;

    BreakGlassViolation(String slug, String detail) {
        this.slug = slug;
        this.detail = detail;
    }

    /** Stable identifier (problem type slug). */
    public String slug() {
        return slug;
    }

    /** Fixed explanation, free of personal data. */
    public String detail() {
        return detail;
    }
}
