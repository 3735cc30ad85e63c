package org.safereg.matching;

import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Template;
import com.machinezoo.sourceafis.FingerprintImage;
import com.machinezoo.sourceafis.FingerprintImageOptions;
import com.machinezoo.sourceafis.FingerprintTemplate;

/**
 * Extract stage: SourceAFIS feature extraction from decoded pixels. Internal. Cost: 25-50 ms for a
 * 388x374 print, 100-300 ms for a rolled 800x750 print (2 vCPU machine).
 */
final class FeatureExtraction {
	private FeatureExtraction() {
	}

	static FingerprintTemplate extract(GrayImage image, double dpi) {
		FingerprintImage fingerprint = new FingerprintImage(image.width(), image.height(), image.pixels(), new FingerprintImageOptions().dpi(dpi));
		return new FingerprintTemplate(fingerprint);
	}

	/**
	 * Counts minutiae by exporting the template as ISO/IEC 19794-2:2005 and parsing it back (SourceAFIS has no
	 * public minutiae accessor). About 0.1 ms.
	 */
	static int minutiae(FingerprintTemplate template) {
		Iso19794p2v2005Template parsed = Minutiae.iso(template);
		return parsed.fingerprints.isEmpty() ? 0 : parsed.fingerprints.get(0).minutiae.size();
	}
}
