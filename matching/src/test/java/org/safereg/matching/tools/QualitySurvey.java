package org.safereg.matching.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.safereg.matching.ExtractedFinger;
import org.safereg.matching.ExtractionLimits;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.FingerprintRejectedException;
import org.safereg.matching.QualityThresholds;
import org.safereg.matching.SharedFingerprints;
import org.safereg.matching.TemplateExtractor;

/**
 * Measures the quality-gate statistics on the real shared images with a permissive gate, to justify the
 * default {@link QualityThresholds}. Run: see docs/biometrics.md ("Quality gate"). Prints one line per set.
 */
public final class QualitySurvey {
	public static void main(String[] args) throws IOException {
		Path root = SharedFingerprints.root().orElseThrow(() -> new IllegalStateException("shared fingerprints not found"));
		TemplateExtractor extractor = new TemplateExtractor(ExtractionLimits.defaults(), QualityThresholds.permissive());
		System.out.println("set | images | minutiae min/p5/median | usable mm² min/p5/median | gray std min | dark fraction max | minutiae <12 / <15 | extraction ms mean/max");
		for (String set : List.of("dev-sets/FVC2002_DB1_B", "dev-sets/FVC2002_DB4_B", "dev-sets/pyfnprint_PNG", "nist-card", "sourceafis-samples"))
			survey(extractor, root.resolve(set), set);
	}

	private static void survey(TemplateExtractor extractor, Path dir, String name) throws IOException {
		List<Path> files;
		try (Stream<Path> s = Files.list(dir)) {
			files = s.filter(p -> p.toString().matches(".*\\.(tif|tiff|png|wsq|bmp|jpeg)$"))
					.filter(p -> !name.equals("nist-card") || p.getFileName().toString().matches("fp-([1-9]|1[0-2])\\.png"))
					.sorted().toList();
		}
		List<Double> minutiae = new ArrayList<>(), area = new ArrayList<>(), std = new ArrayList<>(), dark = new ArrayList<>(), ms = new ArrayList<>();
		for (Path file : files) {
			byte[] bytes = Files.readAllBytes(file);
			try {
				long start = System.nanoTime();
				ExtractedFinger f = extractor.extract(bytes, FingerPosition.UNKNOWN, 500);
				ms.add((System.nanoTime() - start) / 1e6);
				minutiae.add((double)f.quality().minutiae());
				area.add(f.quality().usableAreaMm2());
				std.add(f.quality().stdDevGray());
				dark.add(f.quality().darkFraction());
			} catch (FingerprintRejectedException e) {
				System.out.println("  rejected " + file.getFileName() + ": " + e.reason());
			}
		}
		System.out.printf("%s | %d | %s | %s | %.1f | %.3f | %d / %d | %.0f/%.0f%n", name, files.size(), stats(minutiae, "%.0f"), stats(area, "%.0f"),
				min(std), max(dark), minutiae.stream().filter(m -> m < 12).count(), minutiae.stream().filter(m -> m < 15).count(), ms.stream().mapToDouble(d -> d).average().orElse(0), max(ms));
	}

	private static String stats(List<Double> v, String f) {
		double[] a = v.stream().mapToDouble(d -> d).toArray();
		Arrays.sort(a);
		return String.format(f + "/" + f + "/" + f, a[0], a[(int)(a.length * 0.05)], a[a.length / 2]);
	}

	private static double min(List<Double> v) { return v.stream().mapToDouble(d -> d).min().orElse(Double.NaN); }
	private static double max(List<Double> v) { return v.stream().mapToDouble(d -> d).max().orElse(Double.NaN); }
}
