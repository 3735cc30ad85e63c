package org.safereg.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
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
	void decompressionBombPngIsRejectedFromHeader() throws IOException {
		byte[] bomb = png(8000, 8000, true);
		assertThat(bomb.length).isLessThan(200_000);
		long before = System.nanoTime();
		assertThat(rejection(bomb)).isEqualTo(RejectionReason.TOO_LARGE_PIXELS);
		assertThat((System.nanoTime() - before) / 1e6).isLessThan(500);
	}

	/** A tiny file that merely claims 20000x20000 pixels (no image data to speak of). */
	@Test
	void hugeHeaderIsRejected() throws IOException {
		byte[] png = png(20000, 20000, false);
		assertThat(png.length).isLessThan(200);
		assertThat(rejection(png)).isEqualTo(RejectionReason.TOO_LARGE_PIXELS);
	}

	@Test
	void hugeWsqHeaderIsRejected() {
		// SOI, then SOF with height 20000 and width 20000
		byte[] wsq = { (byte)0xFF, (byte)0xA0, (byte)0xFF, (byte)0xA2, 0, 17, 0, (byte)255, 0x4E, 0x20, 0x4E, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
		assertThat(rejection(wsq)).isEqualTo(RejectionReason.TOO_LARGE_PIXELS);
	}

	@Test
	void oneByOneImageIsTooSmall() throws IOException {
		assertThat(rejection(encode(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY), "png"))).isEqualTo(RejectionReason.TOO_SMALL_PIXELS);
		assertThat(rejection(encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "bmp"))).isEqualTo(RejectionReason.TOO_SMALL_PIXELS);
	}

	@Test
	void randomBytesAreUnsupported() {
		byte[] random = new byte[10_000];
		new Random(42).nextBytes(random);
		random[0] = 0x12; // make sure no signature matches by chance
		assertThat(rejection(random)).isEqualTo(RejectionReason.UNSUPPORTED_FORMAT);
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
	void truncatedPngIsCorrupt() {
		byte[] png = SharedFingerprints.read("sourceafis-samples/probe.png");
		assertThat(rejection(Arrays.copyOf(png, png.length / 3))).isEqualTo(RejectionReason.CORRUPT_IMAGE);
	}

	@Test
	void implausibleDpiIsRejected() throws IOException {
		byte[] png = encode(new BufferedImage(300, 300, BufferedImage.TYPE_BYTE_GRAY), "png");
		assertThatThrownBy(() -> extractor.extract(png, FingerPosition.UNKNOWN, 72)).isInstanceOfSatisfying(FingerprintRejectedException.class,
				e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_RESOLUTION));
		assertThatThrownBy(() -> extractor.extract(png, FingerPosition.UNKNOWN, Double.NaN)).isInstanceOf(FingerprintRejectedException.class);
	}

	@Test
	void inspectReadsOnlyTheHeader() throws Exception {
		assertThat(extractor.inspect(encode(new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY), "png")))
				.isEqualTo(new ImageHeader(ImageFormat.PNG, 300, 200));
		assertThat(ImageFormat.detect(new byte[] { 'G', 'I', 'F', '8' })).isEmpty();
	}

	static byte[] encode(BufferedImage image, String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, format, out)).isTrue();
		return out.toByteArray();
	}

	/** Hand-made 8-bit gray PNG; with {@code data}, a full IDAT of zero rows, else a one-byte IDAT. */
	static byte[] png(int width, int height, boolean data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte)0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
		DataOutputStream h = new DataOutputStream(ihdr);
		h.writeInt(width);
		h.writeInt(height);
		h.write(new byte[] { 8, 0, 0, 0, 0 }); // 8-bit gray, deflate, no filter method, no interlace
		chunk(out, "IHDR", ihdr.toByteArray());
		ByteArrayOutputStream idat = new ByteArrayOutputStream();
		if (data) {
			try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
				byte[] row = new byte[width + 1];
				for (int y = 0; y < height; ++y)
					z.write(row);
			}
		} else
			idat.write(0);
		chunk(out, "IDAT", idat.toByteArray());
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		DataOutputStream d = new DataOutputStream(out);
		d.writeInt(data.length);
		byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		d.write(t);
		d.write(data);
		CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(data);
		d.writeInt((int)crc.getValue());
	}
}
