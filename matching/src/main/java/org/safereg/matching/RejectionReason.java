package org.safereg.matching;

/**
 * Stable reason codes for rejected fingerprint input. The enum constant names are part of the API (they
 * may be stored, shown in problem responses and counted in metrics): never rename them.
 * <p>
 * Each reason carries a short message a registration officer can act on at the desk. Messages never
 * contain personal data.
 */
public enum RejectionReason {
	/** The encoded file is larger than {@link ExtractionLimits#maxBytes()}. */
	TOO_LARGE_BYTES("The file is too large. Send a single-finger capture at the scanner's normal resolution (usually 500 dpi)."),
	/** Width, height or pixel count read from the header exceed the limits. Nothing was decoded. */
	TOO_LARGE_PIXELS("The image is too large for a single finger. Capture or crop one finger at 500 dpi and send it again."),
	/** Width or height read from the header is below the minimum. */
	TOO_SMALL_PIXELS("The image is too small to hold a fingerprint. Recapture the finger with the fingerprint scanner."),
	/** Not PNG, JPEG, BMP, TIFF or WSQ (or not a supported template / transaction file). */
	UNSUPPORTED_FORMAT("This file type is not supported. Send PNG, JPEG, BMP, TIFF or WSQ fingerprint images."),
	/** The file claims a supported format but cannot be decoded (truncated, damaged). */
	CORRUPT_IMAGE("The file is damaged or incomplete. Recapture the finger and send it again."),
	/** The capture resolution is outside the supported range. */
	INVALID_RESOLUTION("The capture resolution is missing or implausible. Check the scanner setting (normally 500 dpi) and recapture."),
	/** The record is a multi-finger slap, palm or other non-single-finger image. */
	NOT_SINGLE_FINGER("This image holds several fingers or a palm. Capture each finger separately (or segment the slap) and send single fingers."),
	/** Almost uniform image: no finger on the sensor. */
	BLANK_IMAGE("No fingerprint was found in the image. Place the finger flat on the scanner and recapture."),
	/** Most of the image is clipped to black: wet finger, too much pressure or a dirty sensor. */
	SATURATED_IMAGE("The image is too dark. The finger may be wet or pressed too hard: dry the finger, clean the scanner, press lightly and recapture."),
	/** Too little ridge area was captured. */
	TOO_SMALL_AREA("Too little of the fingerprint was captured. Place the centre of the finger flat on the scanner, press a little harder and recapture."),
	/** Too few minutiae could be found: faint, dry or smudged ridges. */
	TOO_FEW_MINUTIAE("Fingerprint detail is too faint. The finger may be too dry or pressed too lightly: moisten the finger slightly, press harder and recapture."),
	/** A template file that is not ISO/IEC 19794-2 (2005/2011) or ANSI INCITS 378, or is damaged. */
	INVALID_TEMPLATE("The fingerprint template could not be read. Send an ISO/IEC 19794-2 or ANSI 378 template, or the original image.");

	private final String officerMessage;

	RejectionReason(String officerMessage) {
		this.officerMessage = officerMessage;
	}

	/** Human-actionable advice for the registration officer. Never contains personal data. */
	public String officerMessage() {
		return officerMessage;
	}
}
