package org.safereg.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile and broken input: each is rejected with the right reason, fast, without decoding pixels. */
class HostileInputTest {
	private final TemplateExtractor extractor = new TemplateExtractor();

	private RejectionReason rejection(byte[] bytes) {
		Throwable[] thrown = new Throwable[1];
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
			try {
				extractor.extract(bytes, FingerPosition.RIGHT_INDEX, 500);
			} catch (FingerprintRejectedException e) {
				thrown[0] = e;
			}
		});
		assertThat(thrown[0]).as("input must be rejected").isInstanceOf(FingerprintRejectedException.class);
		FingerprintRejectedException e = (FingerprintRejectedException)thrown[0];
		assertThat(e.getMessage()).startsWith(e.reason().name()).doesNotContain("Exception").doesNotContain("\tat ");
		return e.reason();
	}

	/** A real decompression bomb: 8000x8000 gray PNG of zeros, about 64 MB of pixels in ~70 KB. */
	@Test
	void decompressionBombPngIsRejectedFromHeader() {
		byte[] bomb = HostileImages.decompressionBombPng();
		assertThat(bomb.length).isLessThan(200_000);
		long before = System.nanoTime();
		assertThat(rejection(bomb)).isEqualTo(RejectionReason.TOO_LARGE_PIXELS);
		assertThat((System.nanoTime() - before) / 1e6).isLessThan(500);
	}

	/** A tiny file that merely claims 20000x20000 pixels (no image data to speak of). */
	@Test
	void hugeHeaderIsRejected() {
		byte[] png = HostileImages.hugeHeaderPng();
		assertThat(png.length).isLessThan(200);
		assertThat(rejection(png)).isEqualTo(RejectionReason.TOO_LARGE_PIXELS);
	}

	@Test
	void hugeWsqHeaderIsRejected() {
		assertThat(rejection(HostileImages.hugeHeaderWsq())).isEqualTo(RejectionReason.TOO_LARGE_PIXELS);
	}

	@Test
	void oneByOneImageIsTooSmall() {
		assertThat(rejection(HostileImages.onePixel("png"))).isEqualTo(RejectionReason.TOO_SMALL_PIXELS);
		assertThat(rejection(HostileImages.encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "bmp"))).isEqualTo(RejectionReason.TOO_SMALL_PIXELS);
	}

	@Test
	void randomBytesAreUnsupported() {
		assertThat(rejection(HostileImages.randomBytes(10_000, 42))).isEqualTo(RejectionReason.UNSUPPORTED_FORMAT);
	}

	@Test
	void emptyInputIsCorrupt() {
		assertThat(rejection(new byte[0])).isEqualTo(RejectionReason.CORRUPT_IMAGE);
	}

	@Test
	void randomBytesBehindPngSignatureAreCorrupt() {
		byte[] bytes = new byte[5000];
		new Random(7).nextBytes(bytes);
		System.arraycopy(new byte[] { (byte)0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 0, bytes, 0, 8);
		assertThat(rejection(bytes)).isEqualTo(RejectionReason.CORRUPT_IMAGE);
	}

	@Test
	void tooManyBytesAreRejectedBeforeParsing() {
		TemplateExtractor small = new TemplateExtractor(ExtractionLimits.defaults().withMaxBytes(1000), QualityThresholds.defaults());
		byte[] big = new byte[1001];
		assertThatThrownBy(() -> small.extract(big, FingerPosition.UNKNOWN)).isInstanceOfSatisfying(FingerprintRejectedException.class,
				e -> assertThat(e.reason()).isEqualTo(RejectionReason.TOO_LARGE_BYTES));
	}

	@Test
	void truncatedWsqIsCorrupt() {
		byte[] wsq = SharedFingerprints.read("sourceafis-samples/wsq-original.wsq");
		for (int length : new int[] { 2, 10, 60, 200, wsq.length / 2, wsq.length - 10 })
			assertThat(rejection(Arrays.copyOf(wsq, length))).as("truncated to %d bytes", length).isEqualTo(RejectionReason.CORRUPT_IMAGE);
	}

	@Test
	void truncatedWsqHeaderIsCorrupt() {
		assertThat(rejection(HostileImages.truncatedWsq())).isEqualTo(RejectionReason.CORRUPT_IMAGE);
	}

	@Test
	void truncatedPngIsCorrupt() {
		byte[] png = SharedFingerprints.read("sourceafis-samples/probe.png");
		assertThat(rejection(Arrays.copyOf(png, png.length / 3))).isEqualTo(RejectionReason.CORRUPT_IMAGE);
	}

	@Test
	void implausibleDpiIsRejected() {
		byte[] png = HostileImages.encode(new BufferedImage(300, 300, BufferedImage.TYPE_BYTE_GRAY), "png");
		assertThatThrownBy(() -> extractor.extract(png, FingerPosition.UNKNOWN, 72)).isInstanceOfSatisfying(FingerprintRejectedException.class,
				e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_RESOLUTION));
		assertThatThrownBy(() -> extractor.extract(png, FingerPosition.UNKNOWN, Double.NaN)).isInstanceOf(FingerprintRejectedException.class);
	}

	@Test
	void inspectReadsOnlyTheHeader() throws Exception {
		assertThat(extractor.inspect(HostileImages.encode(new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY), "png")))
				.isEqualTo(new ImageHeader(ImageFormat.PNG, 300, 200));
		assertThat(ImageFormat.detect(new byte[] { 'G', 'I', 'F', '8' })).isEmpty();
	}
}
