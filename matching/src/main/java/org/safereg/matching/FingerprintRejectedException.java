package org.safereg.matching;

import java.util.Objects;

/**
 * Fingerprint input was rejected: too large, unsupported, damaged or of insufficient quality.
 * <p>
 * {@link #reason()} is a stable code; {@link #getMessage()} is the officer advice followed by a short
 * technical detail (numbers such as sizes or counts, never personal data, never a stack trace).
 */
public final class FingerprintRejectedException extends Exception {
	private static final long serialVersionUID = 1L;
	private final RejectionReason reason;
	private final String detail;

	public FingerprintRejectedException(RejectionReason reason, String detail) {
		super(Objects.requireNonNull(reason).name() + ": " + reason.officerMessage() + (detail == null ? "" : " (" + detail + ")"));
		this.reason = reason;
		this.detail = detail;
	}

	/** Stable reason code. */
	public RejectionReason reason() {
		return reason;
	}

	/** Technical detail such as "20000x20000 px exceeds 2048x2048", or null. */
	public String detail() {
		return detail;
	}
}
