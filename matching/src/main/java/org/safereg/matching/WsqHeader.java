package org.safereg.matching;

/**
 * Reads WSQ image dimensions from the SOF (start of frame) segment without decoding anything. Internal,
 * part of the limits stage. Follows the marker layout of the FBI WSQ specification (IAFIS-IC-0110): SOI,
 * then length-prefixed tables (DTT, DQT, DHT, DRT, COM) and finally SOF with height before width.
 */
final class WsqHeader {
	private static final int SOI = 0xFFA0;
	private static final int SOF = 0xFFA2;
	private static final int FIRST_TABLE = 0xFFA4; // DTT
	private static final int LAST_TABLE = 0xFFA8; // COM

	private WsqHeader() {
	}

	static ImageHeader read(byte[] bytes) throws FingerprintRejectedException {
		int at = 0;
		if (u16(bytes, at) != SOI)
			throw corrupt("no WSQ start-of-image marker");
		at += 2;
		// A well-formed file reaches SOF after a handful of tables; bound the walk anyway.
		for (int segments = 0; segments < 1000; ++segments) {
			int marker = u16(bytes, at);
			at += 2;
			if (marker == SOF) {
				// length(2) black(1) white(1) height(2) width(2)
				int length = u16(bytes, at);
				if (length < 8)
					throw corrupt("short WSQ frame header");
				int height = u16(bytes, at + 4);
				int width = u16(bytes, at + 6);
				return new ImageHeader(ImageFormat.WSQ, width, height);
			}
			if (marker < FIRST_TABLE || marker > LAST_TABLE)
				throw corrupt("unexpected WSQ marker before frame header");
			int length = u16(bytes, at);
			if (length < 2)
				throw corrupt("invalid WSQ segment length");
			at += length;
		}
		throw corrupt("no WSQ frame header");
	}

	private static int u16(byte[] bytes, int at) throws FingerprintRejectedException {
		if (at < 0 || at + 2 > bytes.length)
			throw corrupt("WSQ header truncated");
		return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
	}

	private static FingerprintRejectedException corrupt(String detail) {
		return new FingerprintRejectedException(RejectionReason.CORRUPT_IMAGE, detail);
	}
}
