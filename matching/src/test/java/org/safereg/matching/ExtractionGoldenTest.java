package org.safereg.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.machinezoo.fingerprintio.TemplateFormat;
import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Golden tests on the SourceAFIS sample images and the NIST card (skipped when the images are absent). */
class ExtractionGoldenTest {
	/** SourceAFIS' recommended single-comparison threshold, about FMR 0.01%. */
	private static final double THRESHOLD = 40;
	private final TemplateExtractor extractor = new TemplateExtractor();

	private ExtractedFinger extract(String file) throws FingerprintRejectedException {
		return extractor.extract(SharedFingerprints.read(file), FingerPosition.UNKNOWN, 500);
	}

	private static double score(FingerprintTemplate probe, FingerprintTemplate candidate) {
		return new FingerprintMatcher(probe).match(candidate);
	}

	@Test
	void genuinePairMatchesAndImpostorDoesNot() throws Exception {
		ExtractedFinger probe = extract("sourceafis-samples/probe.png");
		assertThat(score(probe.template(), extract("sourceafis-samples/matching.png").template())).isGreaterThan(THRESHOLD);
		assertThat(score(probe.template(), extract("sourceafis-samples/nonmatching.png").template())).isLessThan(THRESHOLD);
		assertThat(probe.format()).isEqualTo(ImageFormat.PNG);
		assertThat(probe.width()).isEqualTo(388);
		assertThat(probe.sourceafisVersion()).isEqualTo("3.18.1");
		assertThat(probe.quality().minutiae()).isGreaterThanOrEqualTo(QualityThresholds.defaults().minMinutiae());
	}

	@Test
	void sameFingerInEveryEncodingMatches() throws Exception {
		byte[] png = SharedFingerprints.read("sourceafis-samples/probe.png");
		byte[] tiff = HostileImages.encode(ImageIO.read(new ByteArrayInputStream(png)), "tiff");
		Map<String, ExtractedFinger> encodings = Map.of(
				"png", extract("sourceafis-samples/probe.png"),
				"jpeg", extract("sourceafis-samples/probe.jpeg"),
				"bmp", extract("sourceafis-samples/probe.bmp"),
				"tiff", extractor.extract(tiff, FingerPosition.UNKNOWN));
		assertThat(encodings.get("tiff").format()).isEqualTo(ImageFormat.TIFF);
		assertThat(encodings.get("jpeg").format()).isEqualTo(ImageFormat.JPEG);
		assertThat(encodings.get("bmp").format()).isEqualTo(ImageFormat.BMP);
		for (var a : encodings.entrySet())
			for (var b : encodings.entrySet())
				assertThat(score(a.getValue().template(), b.getValue().template())).as(a.getKey() + " vs " + b.getKey()).isGreaterThan(THRESHOLD);
	}

	@Test
	void wsqAndItsPngDecodingMatch() throws Exception {
		ExtractedFinger wsq = extract("sourceafis-samples/wsq-original.wsq");
		assertThat(wsq.format()).isEqualTo(ImageFormat.WSQ);
		assertThat(score(wsq.template(), extract("sourceafis-samples/wsq-converted.png").template())).isGreaterThan(THRESHOLD);
		assertThat(score(wsq.template(), extract("sourceafis-samples/probe.png").template())).isLessThan(THRESHOLD);
	}

	@Test
	void serializedTemplateRoundTrips() throws Exception {
		ExtractedFinger probe = extract("sourceafis-samples/probe.png");
		FingerprintTemplate restored = extractor.deserialize(probe.templateBytes());
		assertThat(score(probe.template(), restored)).isGreaterThan(THRESHOLD);
		assertThat(probe.templateBytes().length).isBetween(200, 5000);
	}

	@Test
	void isoTemplatesImportAndMatch() throws Exception {
		List<ImportedTemplate> probe = extractor.importTemplates(SharedFingerprints.read("sourceafis-samples/iso-probe.dat"));
		List<ImportedTemplate> matching = extractor.importTemplates(SharedFingerprints.read("sourceafis-samples/iso-matching.dat"));
		List<ImportedTemplate> nonmatching = extractor.importTemplates(SharedFingerprints.read("sourceafis-samples/iso-nonmatching.dat"));
		assertThat(probe).hasSize(1);
		assertThat(probe.get(0).sourceFormat()).isIn(TemplateFormat.ISO_19794_2_2005, TemplateFormat.ISO_19794_2_2011);
		assertThat(probe.get(0).minutiae()).isGreaterThan(10);
		assertThat(score(probe.get(0).template(), matching.get(0).template())).isGreaterThan(THRESHOLD);
		assertThat(score(probe.get(0).template(), nonmatching.get(0).template())).isLessThan(THRESHOLD);
	}

	@Test
	void exportedAnsiAndIsoTemplatesImportWithPosition() throws Exception {
		ExtractedFinger probe = extract("sourceafis-samples/probe.png");
		for (TemplateFormat format : TemplateFormat.values()) {
			byte[] exported = com.machinezoo.sourceafis.FingerprintCompatibility.exportTemplates(format, probe.template());
			List<ImportedTemplate> imported = extractor.importTemplates(exported);
			assertThat(imported).as(format.name()).hasSize(1);
			assertThat(imported.get(0).sourceFormat()).isEqualTo(format);
			assertThat(score(probe.template(), imported.get(0).template())).as(format.name()).isGreaterThan(THRESHOLD);
		}
	}

	@Test
	void garbageTemplateIsRejected() {
		byte[] garbage = "FMR\0 20\0 this is not a template".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> extractor.importTemplates(garbage))
				.isInstanceOfSatisfying(FingerprintRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_TEMPLATE));
	}

	@Test
	void nistTransactionImportsTenRolledFingers() throws Exception {
		List<NistFingerRecord> records = extractor.importNist(SharedFingerprints.read("nist-card/sample.an2"), 500);
		assertThat(records).hasSize(14);
		List<NistFingerRecord> accepted = records.stream().filter(NistFingerRecord::accepted).toList();
		assertThat(accepted).extracting(r -> r.finger().position().code()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(records.stream().filter(r -> !r.accepted())).allSatisfy(r -> {
			assertThat(r.rejection()).isEqualTo(RejectionReason.NOT_SINGLE_FINGER);
			assertThat(r.positionCode()).isBetween(11, 15);
		});
		assertThat(accepted).allSatisfy(r -> assertThat(r.recordType()).isEqualTo(4));
		// The type-4 WSQ image of the right thumb is the same capture as fp-1.png; the left thumb is another finger.
		FingerprintTemplate rightThumbPng = extract("nist-card/fp-1.png").template();
		assertThat(score(accepted.get(0).finger().template(), rightThumbPng)).isGreaterThan(THRESHOLD);
		assertThat(score(accepted.get(5).finger().template(), rightThumbPng)).isLessThan(THRESHOLD);
	}

	@Test
	void nonNistBytesAreUnsupported() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> extractor.importNist(new byte[] { 1, 2, 3, 4, 5, 6, 7 }, 500))
				.isInstanceOfSatisfying(FingerprintRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_FORMAT));
	}
}
