package org.safereg.matching;

/**
 * Outcome for one fingerprint image record of an ANSI/NIST-ITL transaction: either an extracted finger or a
 * rejection (exactly one of the two is non-null).
 *
 * @param recordType
 *            4 (high-resolution grayscale) or 14 (variable-resolution fingerprint)
 * @param positionCode
 *            the record's finger position code (FGP); 11 to 15 are plain thumbs and slaps
 * @param finger
 *            the accepted finger, or null
 * @param rejection
 *            why the record was rejected, or null
 */
public record NistFingerRecord(int recordType, int positionCode, ExtractedFinger finger, RejectionReason rejection) {
	public boolean accepted() {
		return finger != null;
	}
}
