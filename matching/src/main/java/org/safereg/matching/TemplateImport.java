package org.safereg.matching;

import com.machinezoo.fingerprintio.TemplateFormat;
import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004Template;
import com.machinezoo.fingerprintio.ansi378v2009.Ansi378v2009Template;
import com.machinezoo.fingerprintio.ansi378v2009am1.Ansi378v2009Am1Template;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Template;
import com.machinezoo.fingerprintio.iso19794p2v2011.Iso19794p2v2011Template;
import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.util.ArrayList;
import java.util.List;

/** Import of ISO/IEC 19794-2 and ANSI INCITS 378 templates through FingerprintIO and SourceAFIS. Internal. */
final class TemplateImport {
	private TemplateImport() {
	}

	private record Header(FingerPosition position, int minutiae) {
	}

	static List<ImportedTemplate> importTemplates(byte[] bytes, ExtractionLimits limits, QualityThresholds thresholds) throws FingerprintRejectedException {
		if (bytes == null || bytes.length == 0)
			throw new FingerprintRejectedException(RejectionReason.INVALID_TEMPLATE, "empty input");
		if (bytes.length > limits.maxTemplateBytes())
			throw new FingerprintRejectedException(RejectionReason.TOO_LARGE_BYTES, bytes.length + " bytes exceeds " + limits.maxTemplateBytes());
		TemplateFormat format;
		List<Header> headers;
		List<FingerprintTemplate> templates;
		try {
			format = TemplateFormat.identify(bytes);
		} catch (RuntimeException e) {
			format = null;
		}
		if (format == null)
			throw new FingerprintRejectedException(RejectionReason.INVALID_TEMPLATE, "not ISO/IEC 19794-2 or ANSI 378");
		try {
			headers = headers(bytes, format);
			templates = FingerprintCompatibility.importTemplates(bytes);
		} catch (RuntimeException e) {
			throw new FingerprintRejectedException(RejectionReason.INVALID_TEMPLATE, "damaged " + format + " template");
		}
		if (templates.isEmpty() || templates.size() != headers.size())
			throw new FingerprintRejectedException(RejectionReason.INVALID_TEMPLATE, "no fingerprint in " + format + " template");
		List<ImportedTemplate> result = new ArrayList<>();
		for (int i = 0; i < templates.size(); ++i) {
			Header header = headers.get(i);
			if (header.minutiae() < thresholds.minMinutiae())
				throw new FingerprintRejectedException(RejectionReason.TOO_FEW_MINUTIAE,
						"finger " + (i + 1) + ": " + header.minutiae() + " minutiae, minimum " + thresholds.minMinutiae());
			result.add(new ImportedTemplate(header.position(), templates.get(i), format, header.minutiae(), TemplateExtractor.sourceafisVersion()));
		}
		return List.copyOf(result);
	}

	private static List<Header> headers(byte[] bytes, TemplateFormat format) {
		List<Header> headers = new ArrayList<>();
		switch (format) {
			case ISO_19794_2_2005 -> new Iso19794p2v2005Template(bytes, false).fingerprints
					.forEach(f -> headers.add(new Header(position(f.position), f.minutiae.size())));
			case ISO_19794_2_2011 -> new Iso19794p2v2011Template(bytes, false).fingerprints
					.forEach(f -> headers.add(new Header(position(f.position), f.minutiae.size())));
			case ANSI_378_2004 -> new Ansi378v2004Template(bytes, false).fingerprints
					.forEach(f -> headers.add(new Header(position(f.position), f.minutiae.size())));
			case ANSI_378_2009 -> new Ansi378v2009Template(bytes, false).fingerprints
					.forEach(f -> headers.add(new Header(position(f.position), f.minutiae.size())));
			case ANSI_378_2009_AM1 -> new Ansi378v2009Am1Template(bytes, false).fingerprints
					.forEach(f -> headers.add(new Header(position(f.position), f.minutiae.size())));
		}
		return headers;
	}

	/** FingerprintIO position enums use the same names as ISO codes 0 to 10; anything else is unknown. */
	private static FingerPosition position(Enum<?> position) {
		if (position == null)
			return FingerPosition.UNKNOWN;
		try {
			return FingerPosition.valueOf(position.name());
		} catch (IllegalArgumentException e) {
			return FingerPosition.UNKNOWN;
		}
	}
}
