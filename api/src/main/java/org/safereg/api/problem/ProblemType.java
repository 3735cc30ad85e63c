package org.safereg.api.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The stable problem {@code type} URIs ({@code urn:safereg:problem:<slug>}) this API answers with, one per
 * case, besides the policy denials ({@link Problems#denied}, slug from
 * {@link org.safereg.privacy.DenialReason#slug()}). Clients may switch on the slug; titles and details are for
 * people. docs/api.md lists them.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request",
            "The request could not be read: check the JSON syntax, the character encoding (UTF-8) and the "
                    + "parameters."),
    VALIDATION("validation", HttpStatus.BAD_REQUEST, "Invalid request",
            "Some fields are invalid; see errors."),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required",
            "Send valid credentials (HTTP Basic for local accounts, or a bearer token)."),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden",
            "Your roles do not allow this operation."),
    TOO_MANY_ATTEMPTS("too-many-attempts", HttpStatus.TOO_MANY_REQUESTS, "Too many sign-in attempts",
            "Too many failed sign-ins for this account or from this address; retry after the time in Retry-After."),
    AUTHENTICATION_BUSY("authentication-busy", HttpStatus.SERVICE_UNAVAILABLE, "Authentication busy",
            "Too many sign-ins are being verified at the moment; retry after the time in Retry-After."),
    PASSWORD_CHANGE_REQUIRED("password-change-required", HttpStatus.FORBIDDEN, "Password change required",
            "Change your one-time password first: POST /api/v1/account/password."),
    CROSS_SITE_REQUEST("cross-site-request", HttpStatus.FORBIDDEN, "Cross-site request refused",
            "Browsers may not call this API from another site."),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found",
            "No such resource."),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
            "This resource does not support the request method."),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
            "This resource answers with application/json (errors with application/problem+json)."),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict",
            "The request conflicts with the current state of the resource."),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
            "This Idempotency-Key was already used for a different request."),
    HOUSEHOLD_MEMBERSHIP("household-membership", HttpStatus.CONFLICT, "Household membership rule",
            "The change would break a household membership rule."),
    KEK_VERSION_IN_USE("kek-version-in-use", HttpStatus.CONFLICT, "Key version in use",
            "This key-encryption key version is primary or still wraps data keys; re-wrap first."),
    OPERATOR_ACTION_REQUIRED("operator-action-required", HttpStatus.CONFLICT, "Operator action required",
            "The key provider rotates and retires key-encryption key versions itself (Vault Transit): an operator "
                    + "does it in Vault, then POST /api/v1/keys/rewrap moves the data keys. See "
                    + "docs/operations/vault.md."),
    ERASED("erased", HttpStatus.GONE, "Erased",
            "The record was erased."),
    VERSION_CONFLICT("version-conflict", HttpStatus.CONFLICT, "Version conflict",
            "The record changed since the version you sent; read it again and retry."),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
            "The request body exceeds the configured limit."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
            "Send the request body as application/json."),
    UNPROCESSABLE("unprocessable", HttpStatus.UNPROCESSABLE_CONTENT, "Request cannot be processed",
            "The request is well-formed but breaks a rule of the registry."),
    UNKNOWN_REFERENCE("unknown-reference", HttpStatus.UNPROCESSABLE_CONTENT, "Unknown reference",
            "The request refers to a location or site that does not exist or does not fit; see errors."),
    RECORD_INTEGRITY("record-integrity", HttpStatus.INTERNAL_SERVER_ERROR, "Record integrity failure",
            "A stored record failed integrity verification; the operator has been alerted through the audit trail."),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
            "The server failed; quote the request id to the operator."),
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
            "A required service (database or key provider) is unavailable; nothing was changed. Retry later."),
    KEY_PROVIDER_MISMATCH("key-provider-mismatch", HttpStatus.SERVICE_UNAVAILABLE, "Wrong key provider",
            "The key provider does not hold the keys this database was encrypted with; nothing was read or "
                    + "changed. The operator must point the server at the right keystore or Vault keys."),
    // Biometrics. A rejected fingerprint image: one type per org.safereg.matching.RejectionReason, named
    // FINGERPRINT_<reason> (slug fingerprint-<reason in lower case with dashes>); the detail sent is the
    // officer's advice of the reason.
    FINGERPRINT_TOO_LARGE_BYTES("fingerprint-too-large-bytes", HttpStatus.UNPROCESSABLE_CONTENT,
            "Fingerprint file too large", "The file is too large for a single-finger capture."),
    FINGERPRINT_TOO_LARGE_PIXELS("fingerprint-too-large-pixels", HttpStatus.UNPROCESSABLE_CONTENT,
            "Fingerprint image too large", "The image dimensions exceed the single-finger limits."),
    FINGERPRINT_TOO_SMALL_PIXELS("fingerprint-too-small-pixels", HttpStatus.UNPROCESSABLE_CONTENT,
            "Fingerprint image too small", "The image is too small to hold a fingerprint."),
    FINGERPRINT_UNSUPPORTED_FORMAT("fingerprint-unsupported-format", HttpStatus.UNPROCESSABLE_CONTENT,
            "Unsupported fingerprint format", "Send PNG, JPEG, BMP, TIFF or WSQ fingerprint images."),
    FINGERPRINT_CORRUPT_IMAGE("fingerprint-corrupt-image", HttpStatus.UNPROCESSABLE_CONTENT,
            "Damaged fingerprint image", "The image is damaged or incomplete."),
    FINGERPRINT_INVALID_RESOLUTION("fingerprint-invalid-resolution", HttpStatus.UNPROCESSABLE_CONTENT,
            "Implausible capture resolution", "The capture resolution (dpi) is missing or implausible."),
    FINGERPRINT_NOT_SINGLE_FINGER("fingerprint-not-single-finger", HttpStatus.UNPROCESSABLE_CONTENT,
            "Not a single finger", "The image holds several fingers or a palm."),
    FINGERPRINT_BLANK_IMAGE("fingerprint-blank-image", HttpStatus.UNPROCESSABLE_CONTENT,
            "No fingerprint in the image", "No fingerprint was found in the image."),
    FINGERPRINT_SATURATED_IMAGE("fingerprint-saturated-image", HttpStatus.UNPROCESSABLE_CONTENT,
            "Fingerprint image too dark", "The image is too dark to read the ridges."),
    FINGERPRINT_TOO_SMALL_AREA("fingerprint-too-small-area", HttpStatus.UNPROCESSABLE_CONTENT,
            "Too little fingerprint captured", "Too little of the fingerprint was captured."),
    FINGERPRINT_TOO_FEW_MINUTIAE("fingerprint-too-few-minutiae", HttpStatus.UNPROCESSABLE_CONTENT,
            "Fingerprint detail too faint", "Too few ridge details could be found."),
    FINGERPRINT_INVALID_TEMPLATE("fingerprint-invalid-template", HttpStatus.UNPROCESSABLE_CONTENT,
            "Unreadable fingerprint template", "The fingerprint template could not be read."),
    BIOMETRICS_NOT_READY("biometrics-not-ready", HttpStatus.SERVICE_UNAVAILABLE, "Biometrics not ready",
            "The fingerprint gallery is still loading; nothing was changed. Retry after the Retry-After delay."),
    VERIFICATION_RATE_LIMITED("verification-rate-limited", HttpStatus.TOO_MANY_REQUESTS,
            "Too many verification attempts",
            "Too many verification attempts for this person; retry after the Retry-After delay."),
    ADJUDICATION_CONFLICT("adjudication-conflict", HttpStatus.CONFLICT, "Adjudication conflict",
            "The adjudication step does not fit the current state of the case."),
    // Break-glass: one type per org.safereg.privacy.breakglass.BreakGlassViolation, named BREAK_GLASS_<violation>.
    BREAK_GLASS_SELF_APPROVAL("break-glass-self-approval", HttpStatus.FORBIDDEN, "Self-approval refused",
            "A break-glass request must be approved or rejected by a second, different user; the requester "
                    + "cannot decide it."),
    BREAK_GLASS_REVIEWER_INVOLVED("break-glass-reviewer-involved", HttpStatus.FORBIDDEN, "Reviewer involved",
            "The reviewer of a break-glass grant must be neither its requester nor its approver."),
    BREAK_GLASS_NOT_PENDING("break-glass-not-pending", HttpStatus.CONFLICT, "Break-glass request already decided",
            "The break-glass request was already approved or rejected."),
    BREAK_GLASS_PURPOSE_MISMATCH("break-glass-purpose-mismatch", HttpStatus.CONFLICT, "Purpose mismatch",
            "Declare the purpose the break-glass request was made for."),
    BREAK_GLASS_NOT_APPROVED("break-glass-not-approved", HttpStatus.CONFLICT, "Break-glass request not approved",
            "Only approved break-glass grants are reviewed."),
    BREAK_GLASS_ALREADY_REVIEWED("break-glass-already-reviewed", HttpStatus.CONFLICT, "Already reviewed",
            "The break-glass grant was already reviewed."),
    // Statistical releases: one type per org.safereg.registration.statistics.StatisticalReleaseRefusedException.Reason.
    BUDGET_EXCEEDED("budget-exceeded", HttpStatus.CONFLICT, "Privacy budget exceeded",
            "The release would spend more privacy budget than is left for its population and quarter; nothing was "
                    + "released or spent. Ask the data protection officer, or use a larger noise scale."),
    NO_BUDGET_CAP("no-budget-cap", HttpStatus.CONFLICT, "No privacy budget",
            "No privacy budget cap is set for this population and quarter, so no differentially private release is "
                    + "possible; nothing was released. The data protection officer sets caps."),
    AGREEMENT_REQUIRED("agreement-required", HttpStatus.UNPROCESSABLE_CONTENT, "Agreement required",
            "The AGREEMENT profile is for a named recipient with an active data-sharing agreement: give the "
                    + "recipient, or use the PUBLIC profile."),
    GEOGRAPHY_BELOW_FLOOR("geography-below-floor", HttpStatus.UNPROCESSABLE_CONTENT, "Geography below the floor",
            "The table shows a finer administrative level than its protection profile allows."),
    RELEASE_AUDIT_FAILED("release-audit-failed", HttpStatus.UNPROCESSABLE_CONTENT, "Release audit failed",
            "No suppression pattern of the table passes the disclosure audit, given what earlier releases of the "
                    + "population published and withheld; nothing was released or spent. Choose fewer or coarser "
                    + "dimensions."),
    EXTRACT_NEW_EPOCH_REQUIRED("extract-new-epoch-required", HttpStatus.CONFLICT, "New epoch required",
            "An epoch's extracts share pseudonyms, so they must all have the fields of its first extract; nothing "
                    + "was released. Request the same fields, or start a new epoch (a higher epoch number)."),
    // Microdata extracts: one type per org.safereg.privacy.statistics.extract.RefusalReason.
    EXTRACT_TOO_FEW_RECORDS("extract-too-few-records", HttpStatus.UNPROCESSABLE_CONTENT, "Too few records",
            "The extract would hold fewer records than k: no treatment can hide them; nothing was released."),
    EXTRACT_RISK_ABOVE_LIMIT("extract-risk-above-limit", HttpStatus.UNPROCESSABLE_CONTENT, "Risk above the limit",
            "No allowed generalisation and suppression brings the extract's expected re-identifications within the "
                    + "configured limit; nothing was released. Choose fewer or coarser fields.");

    /** Prefix of every problem type URI. */
    public static final String URN_PREFIX = "urn:safereg:problem:";

    private final String slug;
    private final HttpStatus status;
    private final String title;
    private final String detail;

    ProblemType(String slug, HttpStatus status, String title, String detail) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    public String slug() {
        return slug;
    }

    public URI uri() {
        return URI.create(URN_PREFIX + slug);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The default detail: fixed text, never derived from the request. */
    public String detail() {
        return detail;
    }
}
