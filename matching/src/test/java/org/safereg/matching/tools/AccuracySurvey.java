package org.safereg.matching.tools;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.safereg.matching.ExtractionLimits;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.QualityThresholds;
import org.safereg.matching.ScoreFusion;
import org.safereg.matching.SharedFingerprints;
import org.safereg.matching.TemplateExtractor;
import org.safereg.matching.Thresholds;

/**
 * Genuine and impostor score distributions on the real dev sets, to ground the threshold defaults and the
 * fusion rule. Small sets: FMR below ~1/(impostor pairs) cannot be measured. Prints markdown-ready lines.
 * <p>
 * Single finger: all pairs of impressions of the same finger (genuine) and of different fingers (impostor).
 * Two fingers: persons are pairs of distinct fingers (2k, 2k+1 in sorted order); genuine = impression a vs b of
 * the same person, impostor = impression a of one person vs impression b of another; fused with SUM and MAX.
 */
public final class AccuracySurvey {
	/** The dev sets, in report order (folders under {@code dev-sets}). */
	public static final List<String> SETS = List.of("FVC2002_DB1_B", "pyfnprint_PNG", "FVC2002_DB4_B");

	/** The extractor of the surveys: default limits, permissive quality gate (every dev-set image is used). */
	public static TemplateExtractor extractor() {
		return new TemplateExtractor(ExtractionLimits.defaults(), QualityThresholds.permissive());
	}

	/** Templates of one dev set: one list per finger (sorted by finger name), impressions in file-name order. */
	public static List<List<FingerprintTemplate>> load(TemplateExtractor extractor, Path root, String set) throws Exception {
		Map<String, List<FingerprintTemplate>> fingers = new TreeMap<>();
		List<Path> files;
		try (Stream<Path> s = Files.list(root.resolve("dev-sets").resolve(set))) {
			files = s.filter(p -> p.getFileName().toString().matches("\\d+_\\d+\\.(tif|png)")).sorted().toList();
		}
		for (Path file : files) {
			String finger = file.getFileName().toString().split("_")[0];
			fingers.computeIfAbsent(finger, k -> new ArrayList<>()).add(extractor.extract(Files.readAllBytes(file), FingerPosition.UNKNOWN).template());
		}
		return new ArrayList<>(fingers.values());
	}

	public static void main(String[] args) throws Exception {
		Path root = SharedFingerprints.root().orElseThrow(() -> new IllegalStateException("shared fingerprints not found"));
		TemplateExtractor extractor = extractor();
		for (String set : SETS) {
			List<List<FingerprintTemplate>> list = load(extractor, root, set);
			int n = list.size(), m = list.get(0).size();
			// score[f][i][g][j]
			double[][][][] score = new double[n][m][n][m];
			for (int f = 0; f < n; ++f)
				for (int i = 0; i < m; ++i) {
					FingerprintMatcher matcher = new FingerprintMatcher(list.get(f).get(i));
					for (int g = 0; g < n; ++g)
						for (int j = 0; j < m; ++j)
							score[f][i][g][j] = matcher.match(list.get(g).get(j));
				}
			List<Double> genuine = new ArrayList<>(), impostor = new ArrayList<>();
			for (int f = 0; f < n; ++f)
				for (int i = 0; i < m; ++i)
					for (int g = 0; g < n; ++g)
						for (int j = 0; j < m; ++j) {
							if (f == g && i < j)
								genuine.add(score[f][i][g][j]);
							if (f < g)
								impostor.add(score[f][i][g][j]);
						}
			System.out.printf(Locale.ROOT, "%n## %s: %d fingers x %d impressions, %d genuine / %d impostor comparisons%n", set, n, m, genuine.size(), impostor.size());
			System.out.printf(Locale.ROOT, "single finger: genuine p5/p50 %.0f/%.0f; impostor p99/max %.1f/%.1f%n", pct(genuine, 0.05), pct(genuine, 0.5),
					pct(impostor, 0.99), pct(impostor, 1));
			for (double t : new double[] { 20, 30, 40 })
				System.out.printf(Locale.ROOT, "  threshold %.0f: FMR measured %.2e (model %.0e), FNMR %.1f%%%n", t, rate(impostor, t), Thresholds.fmrOfScore(t),
						100 * (1 - rate(genuine, t)));
			double t3 = pct(impostor, 1 - 1e-3);
			System.out.printf(Locale.ROOT, "  at measured FMR 1e-3 (threshold %.1f): FNMR %.1f%%%n", t3, 100 * (1 - rate(genuine, t3 + 1e-9)));
			// Two-finger persons.
			for (ScoreFusion fusion : ScoreFusion.values()) {
				List<Double> pg = new ArrayList<>(), pi = new ArrayList<>();
				for (int p = 0; p + 1 < n; p += 2)
					for (int q = 0; q + 1 < n; q += 2)
						for (int i = 0; i < m; ++i)
							for (int j = 0; j < m; ++j) {
								if (p == q && i >= j)
									continue;
								double a = score[p][i][q][j], b = score[p + 1][i][q + 1][j];
								double fused = fusion == ScoreFusion.SUM ? a + b : Math.max(a, b);
								(p == q ? pg : pi).add(fused);
							}
				StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "2 fingers %s: %d genuine / %d impostor; impostor max %.1f;", fusion, pg.size(), pi.size(),
						pct(pi, 1)));
				for (double t : new double[] { 40, 50, 70 })
					line.append(String.format(Locale.ROOT, " t=%.0f FNMR %.1f%% FMR %.1e;", t, 100 * (1 - rate(pg, t)), rate(pi, t)));
				System.out.println(line);
			}
		}
	}

	static double pct(List<Double> values, double q) {
		double[] a = values.stream().mapToDouble(d -> d).toArray();
		Arrays.sort(a);
		return a[Math.min(a.length - 1, (int)Math.floor(q * (a.length - 1)))];
	}

	static double rate(List<Double> values, double threshold) {
		return values.stream().filter(v -> v >= threshold).count() / (double)values.size();
	}
}
