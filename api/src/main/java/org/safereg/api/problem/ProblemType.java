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
            "A required service (database or key provider) is unavailable; nothing was changed. Retry later.");

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
