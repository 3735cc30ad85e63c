package org.safereg.matching;

import com.machinezoo.sourceafis.FingerprintTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.safereg.matching.bench.NonMatePadding;
import org.safereg.matching.tools.AccuracySurvey;

/**
 * Indexed vs brute-force 1:N search in one run, same galleries, same probes (docs/benchmarks.md, section 4).
 * <p>
 * <b>Persons and probes.</b> Each dev set's fingers (sorted) form a ring of 2-finger persons (finger i at
 * RIGHT_THUMB, finger i+1 at RIGHT_INDEX): 36 persons over the three sets. Impression 1 is enrolled; impressions
 * 2..8 of both fingers are the 252 two-finger probes; their first finger alone gives 252 single-finger probes
 * (RIGHT_THUMB, SAME_POSITION: compared with the enrolled thumbs only).
 * <p>
 * <b>Padding.</b> {@link NonMatePadding} over all 288 dev-set templates (mirrored chimeras, distorted) up to each
 * gallery size; the smaller gallery's pads are a prefix of the larger's.
 * <p>
 * <b>Hit loss.</b> A brute-force rank-1 hit: the mate's score strictly above every other person's. The indexed
 * search returns the brute-force top candidate exactly when that candidate is in the index's candidate set, so
 * indexed rank-1 hits = brute-force hits whose mate the index passes on; a loss is a brute-force hit whose mate
 * the index dropped. Brute force is therefore computed for every probe with {@code --full-brute-force true}, else
 * size only for the probes whose mate the index dropped at some depth (exact for the loss, saves minutes of CPU;
 * the brute-force hit rate is printed only with {@code --full-brute-force true}).
 * <p>
 * <b>Speed.</b> Wall clock of {@link FingerprintGallery#search} with a built probe (building a 2-finger probe adds
 * 5-6 ms either way) and process CPU time per search, indexed for a sample of probes, brute force for a smaller
 * sample interleaved with them (same machine load; the load average is printed); index stage timed separately.
 * <p>
 * Arguments: {@code --persons 10000,100000 --brute-force-timed 12 --indexed-timed 252 --full-brute-force false
 * --hit-loss true --depths 0.005,0.01,0.02,0.03,0.05,0.1,0.2}; {@code --hit-loss false} skips the brute-force
 * hit computation (for speed runs; the loss columns then count every probe the index dropped, an upper bound).
 * Heap: about 12 KB per padded finger: {@code -Xmx8g} for 100,000 persons.
 */
public final class IndexedSearchBenchmark {
	private static final FingerPosition FIRST = FingerPosition.RIGHT_THUMB, SECOND = FingerPosition.RIGHT_INDEX;

	private record Mated(UUID mate, Probe twoFingers, Probe oneFinger) {
	}

	public static void main(String[] args) throws Exception {
		int[] sizes = Arrays.stream(arg(args, "--persons", "10000,100000").split(",")).mapToInt(Integer::parseInt).toArray();
		double[] depths = Arrays.stream(arg(args, "--depths", "0.005,0.01,0.02,0.03,0.05,0.1,0.2").split(",")).mapToDouble(Double::parseDouble).toArray();
		int bruteForceTimed = Integer.parseInt(arg(args, "--brute-force-timed", "12"));
		int indexedTimed = Integer.parseInt(arg(args, "--indexed-timed", "252"));
		boolean fullBruteForce = Boolean.parseBoolean(arg(args, "--full-brute-force", "false"));
		boolean hitLoss = Boolean.parseBoolean(arg(args, "--hit-loss", "true"));
		System.out.printf(Locale.ROOT, "# IndexedSearchBenchmark: %d processors, max heap %d MB, Java %s, SourceAFIS %s%n", Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), TemplateExtractor.sourceafisVersion());
		Path root = SharedFingerprints.root().orElseThrow(() -> new IllegalStateException("shared fingerprints not found"));
		TemplateExtractor extractor = AccuracySurvey.extractor();
		Map<UUID, List<Finger>> dev = new LinkedHashMap<>();
		List<Mated> probes = new ArrayList<>();
		List<FingerprintTemplate> bases = new ArrayList<>();
		for (String set : AccuracySurvey.SETS) {
			List<List<FingerprintTemplate>> fingers = AccuracySurvey.load(extractor, root, set);
			fingers.forEach(bases::addAll);
			int n = fingers.size();
			for (int i = 0; i < n; ++i) {
				List<FingerprintTemplate> a = fingers.get(i), b = fingers.get((i + 1) % n);
				UUID id = new UUID(2, dev.size());
				dev.put(id, List.of(new Finger(FIRST, a.get(0)), new Finger(SECOND, b.get(0))));
				for (int j = 1; j < a.size(); ++j)
					probes.add(new Mated(id, Probe.of(new Finger(FIRST, a.get(j)), new Finger(SECOND, b.get(j))), Probe.of(new Finger(FIRST, a.get(j)))));
			}
		}
		int maxPads = Arrays.stream(sizes).max().getAsInt() - dev.size();
		NonMatePadding padding = new NonMatePadding(bases, 20261123);
		long t0 = System.nanoTime();
		FingerprintTemplate[] pads = new FingerprintTemplate[2 * maxPads];
		IntStream.range(0, pads.length).parallel().forEach(i -> pads[i] = padding.pad(i));
		System.out.printf(Locale.ROOT, "%d dev persons, %d two-finger probes; %d pad templates made in %.1f s%n", dev.size(), probes.size(), pads.length, seconds(t0));

		for (int persons : sizes)
			run(persons, dev, probes, pads, depths, bruteForceTimed, indexedTimed, fullBruteForce, hitLoss);
	}

	private static void run(int persons, Map<UUID, List<Finger>> dev, List<Mated> probes, FingerprintTemplate[] pads, double[] depths, int bruteForceTimed, int indexedTimed,
			boolean fullBruteForce, boolean hitLoss) {
		int padPersons = persons - dev.size();
		Map<UUID, List<Finger>> all = new LinkedHashMap<>();
		for (int i = 0; i < padPersons; ++i)
			all.put(new UUID(1, i), List.of(new Finger(FIRST, pads[2 * i]), new Finger(SECOND, pads[2 * i + 1])));
		all.putAll(dev);
		System.gc();
		long heapBefore = usedHeap();
		long t0 = System.nanoTime(), cpu0 = cpuNanos();
		try (FingerprintGallery gallery = new FingerprintGallery()) {
			gallery.enrollAll(all);
			double load = seconds(t0), loadCpu = (cpuNanos() - cpu0) / 1e9;
			System.gc();
			long heapDelta = usedHeap() - heapBefore;
			long fingers = gallery.fingerCount();
			System.out.printf(Locale.ROOT, "%n## %d persons x 2 fingers%nload (enrollAll of deserialized templates, index keys on %d threads): %.2f s, %.0f fingers/s; "
					+ "process CPU %.2f s, %.0f fingers per CPU-second%n", persons, Runtime.getRuntime().availableProcessors(), load, fingers / load, loadCpu, fingers / loadCpu);
			System.out.printf(Locale.ROOT, "heap per finger: template (SourceAFIS estimate) %.0f B; index %.0f B (estimate); gallery + index measured delta %.0f B; index postings per finger %.0f%n",
					gallery.memoryBytes() / (double)fingers, gallery.indexMemoryBytes() / (double)fingers, heapDelta / (double)fingers,
					gallery.index().postings() / (double)fingers);

			SearchOptions base = SearchOptions.identification().withThreshold(0).withMaxCandidates(1);
			// Index stage at every depth: is the mate among the candidates?
			boolean[][] twoIn = new boolean[depths.length][probes.size()], oneIn = new boolean[depths.length][probes.size()];
			for (int d = 0; d < depths.length; ++d)
				for (int p = 0; p < probes.size(); ++p) {
					SearchOptions options = base.withDepth(CandidateDepth.uniform(depths[d], 1));
					twoIn[d][p] = contains(gallery.indexStage(probes.get(p).twoFingers, options).orElseThrow(), probes.get(p).mate);
					oneIn[d][p] = contains(gallery.indexStage(probes.get(p).oneFinger, options).orElseThrow(), probes.get(p).mate);
				}
			// Brute force: every probe at the first size, else only where the index dropped the mate at some depth.
			Map<Integer, boolean[]> bruteForce = new HashMap<>();
			List<PersonEntry> entries = new ArrayList<>();
			for (Map.Entry<UUID, List<Finger>> e : all.entrySet())
				entries.add(PersonEntry.of(e.getKey(), e.getValue()));
			long t1 = System.nanoTime();
			for (int p = 0; p < probes.size(); ++p) {
				boolean needed = fullBruteForce;
				for (int d = 0; d < depths.length && hitLoss; ++d)
					needed |= !twoIn[d][p] || !oneIn[d][p];
				if (needed)
					bruteForce.put(p, bruteForceHits(probes.get(p), entries));
			}
			System.out.printf(Locale.ROOT, "brute force computed for %d of %d probes (%.0f s)%n", bruteForce.size(), probes.size(), seconds(t1));
			if (fullBruteForce) {
				long two = bruteForce.values().stream().filter(h -> h[0]).count(), one = bruteForce.values().stream().filter(h -> h[1]).count();
				System.out.printf(Locale.ROOT, "brute-force rank-1 hit rate: 2 fingers %.1f%% (%d/%d), 1 finger %.1f%% (%d/%d)%n", 100.0 * two / probes.size(), two, probes.size(),
						100.0 * one / probes.size(), one, probes.size());
			}
			System.out.println("| depth (share of persons) | SourceAFIS comparisons vs brute force | index hit rate 2 fingers | index hit rate 1 finger | rank-1 loss vs brute force, 2 fingers | rank-1 loss, 1 finger |");
			System.out.println("|---|---|---|---|---|---|");
			for (int d = 0; d < depths.length; ++d) {
				int twoHits = 0, oneHits = 0, twoLoss = 0, oneLoss = 0;
				for (int p = 0; p < probes.size(); ++p) {
					twoHits += twoIn[d][p] ? 1 : 0;
					oneHits += oneIn[d][p] ? 1 : 0;
					boolean[] bf = bruteForce.get(p);
					if (!twoIn[d][p] && (bf == null || bf[0]))
						++twoLoss;
					if (!oneIn[d][p] && (bf == null || bf[1]))
						++oneLoss;
				}
				int depth = CandidateDepth.uniform(depths[d], 1).persons(persons, 2);
				System.out.printf(Locale.ROOT, "| %.1f%% (%d) | %.0fx fewer | %.1f%% | %.1f%% | %.2f pp (%d) | %.2f pp (%d) |%n", 100 * depths[d], depth, persons / (double)depth,
						100.0 * twoHits / probes.size(), 100.0 * oneHits / probes.size(), 100.0 * twoLoss / probes.size(), twoLoss, 100.0 * oneLoss / probes.size(), oneLoss);
			}

			// Speed: indexed (default options) for a sample of probes, brute force for a smaller one, interleaved.
			SearchOptions indexed = SearchOptions.identification();
			gallery.search(probes.get(0).twoFingers, indexed);
			int indexedCount = Math.min(indexedTimed, probes.size());
			double[] indexMs = new double[indexedCount], totalMs = new double[indexedCount];
			long postings = 0;
			int depthUsed = indexed.depth().persons(persons, 2);
			SearchOptions bruteOptions = indexed.withStrategy(SearchStrategy.BRUTE_FORCE);
			int timed = Math.min(bruteForceTimed, probes.size());
			double[] bruteMs = new double[timed], loadAverage = new double[timed];
			// Process CPU time per search (all threads, GC included): less sensitive to other processes than wall clock.
			double[] indexedCpuMs = new double[indexedCount], bruteCpuMs = new double[timed];
			// Brute-force searches interleaved with the indexed ones, so that both see the same machine load.
			for (int p = 0, b = 0; p < indexedCount || b < timed; ++p) {
				if (p < indexedCount) {
					Probe probe = probes.get(p * probes.size() / indexedCount).twoFingers;
					long s = System.nanoTime(), c = cpuNanos();
					CylinderIndex.Ranking ranking = gallery.indexStage(probe, indexed).orElseThrow();
					indexMs[p] = (System.nanoTime() - s) / 1e6;
					gallery.score(probe, indexed, ranking.candidates());
					totalMs[p] = (System.nanoTime() - s) / 1e6;
					indexedCpuMs[p] = (cpuNanos() - c) / 1e6;
					postings += ranking.postings();
				}
				if (b < timed && (p >= indexedCount || (long)(p + 1) * timed >= (long)(b + 1) * indexedCount)) {
					Probe probe = probes.get(b * probes.size() / timed).twoFingers;
					long s = System.nanoTime(), c = cpuNanos();
					gallery.search(probe, bruteOptions);
					bruteMs[b] = (System.nanoTime() - s) / 1e6;
					bruteCpuMs[b] = (cpuNanos() - c) / 1e6;
					loadAverage[b++] = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
				}
			}
			Arrays.sort(loadAverage);
			System.out.printf(Locale.ROOT, "load average (1 min) during the timed searches: %.2f-%.2f, median %.2f%n", loadAverage[0], loadAverage[timed - 1], pct(loadAverage, 0.5));
			Arrays.sort(indexMs);
			Arrays.sort(totalMs);
			Arrays.sort(bruteMs);
			Arrays.sort(indexedCpuMs);
			Arrays.sort(bruteCpuMs);
			System.out.printf(Locale.ROOT, "2-finger person search, default depth %s = %d persons (%d comparisons vs %d):%n", indexed.depth(), depthUsed, 2 * depthUsed, 2 * persons);
			System.out.printf(Locale.ROOT, "  indexed (%d searches): p50 %.1f ms, p99 %.1f ms, max %.1f ms; index stage alone p50 %.1f ms, p99 %.1f ms; %.0f postings visited per search%n",
					indexedCount, pct(totalMs, 0.5), pct(totalMs, 0.99), totalMs[totalMs.length - 1], pct(indexMs, 0.5), pct(indexMs, 0.99), postings / (double)indexedCount);
			System.out.printf(Locale.ROOT, "  brute force (%d searches): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", timed, pct(bruteMs, 0.5), pct(bruteMs, 0.99), bruteMs[timed - 1]);
			System.out.printf(Locale.ROOT, "  speed-up: p50 %.1fx, p99 %.1fx%n", pct(bruteMs, 0.5) / pct(totalMs, 0.5), pct(bruteMs, 0.99) / pct(totalMs, 0.99));
			System.out.printf(Locale.ROOT, "  process CPU per search: indexed p50 %.0f ms, p99 %.0f ms; brute force p50 %.0f ms, p99 %.0f ms; ratio p50 %.1fx, p99 %.1fx%n", pct(indexedCpuMs, 0.5),
					pct(indexedCpuMs, 0.99), pct(bruteCpuMs, 0.5), pct(bruteCpuMs, 0.99), pct(bruteCpuMs, 0.5) / pct(indexedCpuMs, 0.5), pct(bruteCpuMs, 0.99) / pct(indexedCpuMs, 0.99));
		}
	}

	private static boolean contains(CylinderIndex.Ranking ranking, UUID mate) {
		for (PersonEntry e : ranking.candidates())
			if (e.subject.equals(mate))
				return true;
		return false;
	}

	/** Brute-force rank-1 hits of a probe: {2 fingers (SUM), first finger alone}; ties count as misses. */
	private static boolean[] bruteForceHits(Mated mated, List<PersonEntry> entries) {
		Probe probe = mated.twoFingers;
		double[][] scores = new double[entries.size()][];
		IntStream.range(0, entries.size()).parallel().forEach(i -> {
			PersonEntry e = entries.get(i);
			scores[i] = new double[] { probe.matchers[0].match(e.templates[0]), probe.matchers[1].match(e.templates[1]) };
		});
		double mateTwo = 0, mateOne = 0, otherTwo = -1, otherOne = -1;
		for (int i = 0; i < entries.size(); ++i) {
			double two = scores[i][0] + scores[i][1], one = scores[i][0];
			if (entries.get(i).subject.equals(mated.mate)) {
				mateTwo = two;
				mateOne = one;
			} else {
				otherTwo = Math.max(otherTwo, two);
				otherOne = Math.max(otherOne, one);
			}
		}
		return new boolean[] { mateTwo > otherTwo, mateOne > otherOne };
	}

	private static double pct(double[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, (int)Math.ceil(q * sorted.length) - 1)];
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean)java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static long usedHeap() {
		Runtime r = Runtime.getRuntime();
		return r.totalMemory() - r.freeMemory();
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static String arg(String[] args, String name, String fallback) {
		for (int i = 0; i + 1 < args.length; ++i)
			if (args[i].equals(name))
				return args[i + 1];
		return fallback;
	}
}
