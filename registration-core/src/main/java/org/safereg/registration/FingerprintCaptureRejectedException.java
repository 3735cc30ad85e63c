package org.safereg.registration;

import java.util.Objects;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.RejectionReason;

/**
 * A fingerprint image was rejected by the input limits or the quality gate before anything was stored or
 * searched. {@link #reason()} is the matching module's stable code; the message is the advice for the officer at
 * the desk ("press harder", "recapture") plus numbers, never personal data. API: 422 with problem type
 * {@code urn:safereg:problem:fingerprint-<reason in lower case, dashes>}.
 */
public final class FingerprintCaptureRejectedException extends RegistrationException {
    private final int captureIndex;
    private final FingerPosition position;
    private final RejectionReason reason;

    /**
     * @param captureIndex zero-based index of the capture in the request
     * @param detail technical detail from the matching module (sizes, counts), or null
     */
    public FingerprintCaptureRejectedException(int captureIndex, FingerPosition position, RejectionReason reason,
                                               String detail) {
        super(Objects.requireNonNull(reason, "reason").officerMessage() + (detail == null ? "" : " (" + detail + ")"));
        this.captureIndex = captureIndex;
        this.position = Objects.requireNonNull(position, "position");
        this.reason = reason;
    }

    /** Zero-based index of the rejected capture in the request. */
    public int captureIndex() {
        return captureIndex;
    }

    public FingerPosition position() {
        return position;
    }

    public RejectionReason reason() {
        return reason;
    }
}
