package org.safereg.privacy.breakglass;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PurposeCode;

/**
 * The state of one break-glass request and the rules of its workflow, without storage (immutable; every step
 * returns the next state or throws {@link BreakGlassRuleException}):
 * <ol>
 * <li>{@link #open}: a user asks for vital-interest access to one subject for one purpose (PENDING);</li>
 * <li>{@link #approve} or {@link #reject}: a second, different user decides once, declaring the same purpose;
 *     approval starts a {@link BreakGlassGrant} of the given duration;</li>
 * <li>{@link #review}: the data protection officer, neither requester nor approver, records a
 *     {@link ReviewOutcome} for every approved grant (while it runs or after it ended).</li>
 * </ol>
 * The stated reason is not part of this state: it is personal data, stored encrypted beside it.
 *
 * @param decidedBy who approved or rejected (present unless PENDING)
 * @param decidedAt when (present unless PENDING)
 * @param expiresAt end of the grant (present only when APPROVED)
 * @param review the review, once recorded (only for APPROVED)
 */
public record BreakGlassRequest(BreakGlassId id, SubjectId subject, PurposeCode purpose, String requestedBy,
                                Instant requestedAt, BreakGlassStatus status, Optional<String> decidedBy,
                                Optional<Instant> decidedAt, Optional<Instant> expiresAt, Optional<Review> review) {

    /** The data protection officer's review of a grant. */
    public record Review(String reviewedBy, Instant reviewedAt, ReviewOutcome outcome) {
        public Review {
            Objects.requireNonNull(reviewedBy, "reviewedBy");
            Objects.requireNonNull(reviewedAt, "reviewedAt");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    public BreakGlassRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(review, "review");
        boolean pending = status == BreakGlassStatus.PENDING;
        boolean approved = status == BreakGlassStatus.APPROVED;
        if (decidedBy.isPresent() == pending || decidedAt.isPresent() == pending || expiresAt.isPresent() != approved
                || (review.isPresent() && !approved)) {
            throw new IllegalArgumentException("inconsistent break-glass request state " + status);
        }
        if (decidedBy.filter(requestedBy::equals).isPresent()) {
            throw new BreakGlassRuleException(BreakGlassViolation.SELF_APPROVAL);
        }
    }

    /** A new PENDING request. */
    public static BreakGlassRequest open(BreakGlassId id, SubjectId subject, PurposeCode purpose, String requestedBy,
                                         Instant requestedAt) {
        return new BreakGlassRequest(id, subject, purpose, requestedBy, requestedAt, BreakGlassStatus.PENDING,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Approves the request: {@code approver} (not the requester), declaring {@code declaredPurpose} (the request's),
     * at {@code at}; the grant runs for {@code duration} (positive) from then.
     */
    public BreakGlassRequest approve(String approver, PurposeCode declaredPurpose, Instant at, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a break-glass grant lasts a positive duration");
        }
        checkDecision(approver, declaredPurpose);
        return new BreakGlassRequest(id, subject, purpose, requestedBy, requestedAt, BreakGlassStatus.APPROVED,
                Optional.of(approver), Optional.of(at), Optional.of(at.plus(duration)), Optional.empty());
    }

    /** Rejects the request: {@code approver} (not the requester), declaring the request's purpose. */
    public BreakGlassRequest reject(String approver, PurposeCode declaredPurpose, Instant at) {
        checkDecision(approver, declaredPurpose);
        return new BreakGlassRequest(id, subject, purpose, requestedBy, requestedAt, BreakGlassStatus.REJECTED,
                Optional.of(approver), Optional.of(at), Optional.empty(), Optional.empty());
    }

    /** Records the data protection officer's review of an approved grant (once; not by requester or approver). */
    public BreakGlassRequest review(String reviewer, ReviewOutcome outcome, Instant at) {
        if (status != BreakGlassStatus.APPROVED) {
            throw new BreakGlassRuleException(BreakGlassViolation.NOT_APPROVED);
        }
        if (review.isPresent()) {
            throw new BreakGlassRuleException(BreakGlassViolation.ALREADY_REVIEWED);
        }
        if (reviewer.equals(requestedBy) || decidedBy.orElseThrow().equals(reviewer)) {
            throw new BreakGlassRuleException(BreakGlassViolation.REVIEWER_INVOLVED);
        }
        return new BreakGlassRequest(id, subject, purpose, requestedBy, requestedAt, status, decidedBy, decidedAt,
                expiresAt, Optional.of(new Review(reviewer, at, outcome)));
    }

    /** The grant, if approved (also once expired: {@link BreakGlassGrant#allows} checks the time). */
    public Optional<BreakGlassGrant> grant() {
        if (status != BreakGlassStatus.APPROVED) {
            return Optional.empty();
        }
        return Optional.of(new BreakGlassGrant(id, subject, purpose, requestedBy, decidedBy.orElseThrow(),
                decidedAt.orElseThrow(), expiresAt.orElseThrow()));
    }

    private void checkDecision(String approver, PurposeCode declaredPurpose) {
        Objects.requireNonNull(approver, "approver");
        if (status != BreakGlassStatus.PENDING) {
            throw new BreakGlassRuleException(BreakGlassViolation.NOT_PENDING);
        }
        if (approver.equals(requestedBy)) {
            throw new BreakGlassRuleException(BreakGlassViolation.SELF_APPROVAL);
        }
        if (!purpose.equals(declaredPurpose)) {
            throw new BreakGlassRuleException(BreakGlassViolation.PURPOSE_MISMATCH);
        }
    }
}
