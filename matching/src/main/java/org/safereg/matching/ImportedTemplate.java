package org.safereg.matching;

import com.machinezoo.fingerprintio.TemplateFormat;
import com.machinezoo.sourceafis.FingerprintTemplate;

/**
 * A finger imported from an ISO/IEC 19794-2 or ANSI INCITS 378 template. Matching of imported templates is
 * less accurate than of templates extracted by SourceAFIS from images (foreign minutiae, no SourceAFIS-specific
 * features), so prefer images when both are available.
 *
 * @param position
 *            finger position recorded in the template (UNKNOWN if absent or not a single finger)
 * @param template
 *            deserialized SourceAFIS template
 * @param sourceFormat
 *            format of the imported file
 * @param minutiae
 *            number of minutiae of this finger in the imported file
 * @param sourceafisVersion
 *            SourceAFIS version that converted it
 */
public record ImportedTemplate(FingerPosition position, FingerprintTemplate template, TemplateFormat sourceFormat, int minutiae, String sourceafisVersion) {
	/** Position and template, for enrolment or a probe. */
	public Finger finger() {
		return new Finger(position, template);
	}

	/** Serialized SourceAFIS template for storage. */
	public byte[] templateBytes() {
		return template.toByteArray();
	}
}
