package org.safereg.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QualityGateTest {
	private final TemplateExtractor extractor = new TemplateExtractor();

	private RejectionReason rejection(BufferedImage image) throws Exception {
		byte[] png = HostileImages.encode(image, "png");
		try {
			extractor.extract(png, FingerPosition.LEFT_INDEX);
		} catch (FingerprintRejectedException e) {
			return e.reason();
		}
		throw new AssertionError("image was accepted");
	}

	private static BufferedImage filled(int width, int height, int gray, double noise, long seed) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		Random random = new Random(seed);
		for (int y = 0; y < height; ++y)
			for (int x = 0; x < width; ++x) {
				int v = (int)Math.round(gray + noise * random.nextGaussian());
				image.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, v)));
			}
		return image;
	}

	@Test
	void whiteImageIsBlank() throws Exception {
		assertThat(rejection(filled(400, 400, 235, 2, 1))).isEqualTo(RejectionReason.BLANK_IMAGE);
	}

	@Test
	void blackImageIsSaturated() throws Exception {
		assertThat(rejection(filled(400, 400, 3, 2, 2))).isEqualTo(RejectionReason.SATURATED_IMAGE);
	}

	@Test
	void smallFragmentOfRidgesIsTooSmallArea() throws Exception {
		// A real print scaled into a 6x6 mm patch of an otherwise empty capture.
		BufferedImage print = ImageIO.read(new ByteArrayInputStream(SharedFingerprints.read("sourceafis-samples/probe.png")));
		BufferedImage image = filled(400, 400, 240, 1, 3);
		Graphics2D g = image.createGraphics();
		g.drawImage(print.getSubimage(150, 150, 120, 120), 140, 140, null);
		g.dispose();
		assertThat(rejection(image)).isEqualTo(RejectionReason.TOO_SMALL_AREA);
	}

	/** SourceAFIS finds its maximum of 100 "minutiae" in pure noise; the ridge-coherence area check catches it. */
	@Test
	void noiseWithoutRidgesHasNoUsableArea() throws Exception {
		assertThat(rejection(filled(400, 400, 128, 40, 4))).isEqualTo(RejectionReason.TOO_SMALL_AREA);
	}

	@Test
	void minutiaeThresholdIsConfigurable() throws Exception {
		byte[] probe = SharedFingerprints.read("sourceafis-samples/probe.png");
		int minutiae = extractor.extract(probe, FingerPosition.UNKNOWN).quality().minutiae();
		TemplateExtractor strict = new TemplateExtractor(ExtractionLimits.defaults(), QualityThresholds.defaults().withMinMinutiae(minutiae + 1));
		assertThatThrownBy(() -> strict.extract(probe, FingerPosition.UNKNOWN)).isInstanceOfSatisfying(FingerprintRejectedException.class, e -> {
			assertThat(e.reason()).isEqualTo(RejectionReason.TOO_FEW_MINUTIAE);
			assertThat(e.getMessage()).contains("press harder");
		});
	}

	@Test
	void realCaptureQualityIsReported() throws Exception {
		QualityReport q = extractor.extract(SharedFingerprints.read("sourceafis-samples/probe.png"), FingerPosition.UNKNOWN).quality();
		// 388x374 at 500 dpi is 19.7 x 19.0 mm = 374 mm²; the print covers a large part of it.
		assertThat(q.usableAreaMm2()).isBetween(100.0, 374.0);
		assertThat(q.usableFraction()).isBetween(0.25, 1.0);
		assertThat(q.stdDevGray()).isGreaterThan(20);
	}
}
