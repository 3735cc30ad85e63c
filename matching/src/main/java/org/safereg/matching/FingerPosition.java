package org.safereg.matching;

/**
 * Finger position as coded by ISO/IEC 19794-4 (and ANSI/NIST-ITL, codes 0 to 10).
 * <p>
 * Codes 11 to 15 (plain thumbs, four-finger slaps) are not single fingers and are not represented here:
 * slaps must be segmented into single fingers before template extraction.
 */
public enum FingerPosition {
	/** Position not known (code 0). Matches any position in position-aware searches. */
	UNKNOWN(0),
	RIGHT_THUMB(1),
	RIGHT_INDEX(2),
	RIGHT_MIDDLE(3),
	RIGHT_RING(4),
	RIGHT_LITTLE(5),
	LEFT_THUMB(6),
	LEFT_INDEX(7),
	LEFT_MIDDLE(8),
	LEFT_RING(9),
	LEFT_LITTLE(10);

	private static final FingerPosition[] BY_CODE = values();
	private final int code;

	FingerPosition(int code) {
		this.code = code;
	}

	/** ISO/IEC 19794-4 finger position code, 0 to 10. */
	public int code() {
		return code;
	}

	/**
	 * Position for an ISO/IEC 19794-4 code.
	 *
	 * @throws IllegalArgumentException
	 *             if the code is not a single-finger code 0 to 10
	 */
	public static FingerPosition ofCode(int code) {
		if (code < 0 || code >= BY_CODE.length)
			throw new IllegalArgumentException("Not a single-finger position code (0 to 10): " + code);
		return BY_CODE[code];
	}

	/** Whether this position and {@code other} may be the same finger (equal, or either is unknown). */
	public boolean compatibleWith(FingerPosition other) {
		return this == other || this == UNKNOWN || other == UNKNOWN;
	}
}
