package org.safereg.matching.bench;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.safereg.matching.Candidate;
import org.safereg.matching.Finger;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.FingerprintGallery;
import org.safereg.matching.FingerprintRejectedException;
import org.safereg.matching.Probe;
import org.safereg.matching.SearchOptions;
import org.safereg.matching.SharedFingerprints;
import org.safereg.matching.TemplateExtractor;
import org.safereg.matching.synthetic.SyntheticFingerprintGenerator;

/**
 * One-process benchmark of the matching module (see docs/biometrics.md, "Benchmarks", for how to run it).
 * <ol>
 * <li>Builds a pool of distinct synthetic templates (one impression per synthetic finger).</li>
 * <li>Gallery throughput: comparisons/s of {@link FingerprintGallery#search} vs a bare loop of
 * {@link FingerprintMatcher#match} over the same template objects, 1 thread and all threads.</li>
 * <li>Person search latency p50/p99 with 2-finger probes, for each gallery size.</li>
 * <li>Heap per enrolled finger (SourceAFIS estimate and measured heap delta) and deserialization rate.</li>
 * <li>Extraction time per image for each real dev set (when the shared images are present).</li>
 * </ol>
 * Gallery fingers are fresh deserialized copies of pool templates assigned round-robin, so every gallery finger
 * is a distinct object with realistic size; probes come from synthetic fingers outside the pool (non-mated with
 * everything), which is the common case of a deduplication search.
 * <p>
 * Arguments: {@code --pool 400 --persons 10000[,100000] --searches 40 --throughput-persons 5000 --rounds 6
 * --sections throughput,latency,extraction} (galleries above 50,000 persons run at most 12 searches).
 */
public final class MatchingBenchmark {
	private static final long SEED = 20261123;

	public static void main(String[] args) throws Exception {
		int pool = intArg(args, "--pool", 400);
		int searches = intArg(args, "--searches", 40);
		int throughputPersons = intArg(args, "--throughput-persons", 5000);
		int[] sizes = Arrays.stream(stringArg(args, "--persons", "10000").split(",")).mapToInt(Integer::parseInt).toArray();
		int rounds = intArg(args, "--rounds", 6);
		List<String> sections = List.of(stringArg(args, "--sections", "throughput,latency,extraction").split(","));
		int cores = Runtime.getRuntime().availableProcessors();
		System.out.printf(Locale.ROOT, "# MatchingBenchmark: %d processors, max heap %d MB, Java %s, SourceAFIS %s%n", cores,
				Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), TemplateExtractor.sourceafisVersion());

		long start = System.nanoTime();
		List<byte[]> templates = synthesizePool(pool, 0, cores);
		System.out.printf(Locale.ROOT, "synthetic pool: %d templates in %.1f s (%.0f ms per finger incl. extraction, %d threads)%n", pool,
				seconds(start), 1000 * seconds(start) * cores / pool, cores);
		List<byte[]> probeTemplates = synthesizePool(2 * searches, 1_000_000, cores);

		if (sections.contains("throughput"))
			throughput(templates, probeTemplates, throughputPersons, cores, rounds);
		if (sections.contains("latency"))
			for (int persons : sizes)
				latency(templates, probeTemplates, persons, persons > 50_000 ? Math.min(searches, 12) : searches);
		if (sections.contains("extraction"))
			extraction();
	}

	/** Template bytes of synthetic fingers {@code first..first+count-1}, impression 0, extracted in parallel. */
	private static List<byte[]> synthesizePool(int count, int first, int threads) throws Exception {
		SyntheticFingerprintGenerator generator = new SyntheticFingerprintGenerator(SEED);
		TemplateExtractor extractor = new TemplateExtractor();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<byte[]>> futures = new ArrayList<>();
			for (int i = 0; i < count; ++i) {
				int id = first + i;
				futures.add(executor.submit(() -> extractor.extract(generator.impression(generator.finger(id), 0).toPng(), FingerPosition.UNKNOWN).templateBytes()));
			}
			List<byte[]> result = new ArrayList<>();
			for (Future<byte[]> f : futures)
				result.add(f.get());
			return result;
		} finally {
			executor.shutdown();
		}
	}

	private static final class Enrolled {
		final FingerprintTemplate[] right;
		final FingerprintTemplate[] left;
		final UUID[] ids;

		Enrolled(List<byte[]> pool, int persons) {
			right = new FingerprintTemplate[persons];
			left = new FingerprintTemplate[persons];
			ids = new UUID[persons];
			for (int i = 0; i < persons; ++i) {
				right[i] = new FingerprintTemplate(pool.get((2 * i) % pool.size()));
				left[i] = new FingerprintTemplate(pool.get((2 * i + 1) % pool.size()));
				ids[i] = new UUID(0, i + 1);
			}
		}

		FingerprintGallery gallery(int parallelism) {
			FingerprintGallery gallery = new FingerprintGallery(parallelism);
			for (int i = 0; i < ids.length; ++i)
				gallery.enroll(ids[i], List.of(new Finger(FingerPosition.RIGHT_INDEX, right[i]), new Finger(FingerPosition.LEFT_INDEX, left[i])));
			return gallery;
		}
	}

	private static Probe probe(List<byte[]> probeTemplates, int index) {
		return Probe.of(new Finger(FingerPosition.RIGHT_INDEX, new FingerprintTemplate(probeTemplates.get(2 * index % probeTemplates.size()))),
				new Finger(FingerPosition.LEFT_INDEX, new FingerprintTemplate(probeTemplates.get((2 * index + 1) % probeTemplates.size()))));
	}

	private static void throughput(List<byte[]> pool, List<byte[]> probeTemplates, int persons, int cores, int rounds) throws Exception {
		Enrolled enrolled = new Enrolled(pool, persons);
		Probe probe = probe(probeTemplates, 0);
		FingerprintMatcher right = new FingerprintMatcher(new FingerprintTemplate(probeTemplates.get(0)));
		FingerprintMatcher left = new FingerprintMatcher(new FingerprintTemplate(probeTemplates.get(1)));
		SearchOptions options = SearchOptions.identification();
		long comparisons = 2L * persons;
		System.out.printf(Locale.ROOT, "%nthroughput: %d persons x 2 fingers, 2-finger probe, %d comparisons per search; bare loop and gallery alternate, "
				+ "%d rounds after one warm-up round; best (median)%n", persons, comparisons, rounds);
		for (int threads : cores > 1 ? new int[] { 1, cores } : new int[] { 1 }) {
			ExecutorService executor = Executors.newFixedThreadPool(threads);
			double[] bare = new double[rounds], ours = new double[rounds];
			try (FingerprintGallery gallery = enrolled.gallery(threads)) {
				for (int round = -1; round < rounds; ++round) {
					long t0 = System.nanoTime();
					bareLoop(executor, threads, right, left, enrolled);
					double bareRate = comparisons / seconds(t0);
					long t1 = System.nanoTime();
					gallery.search(probe, options);
					double ourRate = comparisons / seconds(t1);
					if (round >= 0) {
						bare[round] = bareRate;
						ours[round] = ourRate;
					}
				}
			} finally {
				executor.shutdown();
			}
			Arrays.sort(bare);
			Arrays.sort(ours);
			double bestBare = bare[rounds - 1], bestOurs = ours[rounds - 1];
			System.out.printf(Locale.ROOT, "  %d thread(s): bare FingerprintMatcher loop %.0f (%.0f) comparisons/s, FingerprintGallery.search %.0f (%.0f) comparisons/s, "
					+ "overhead %.1f%% (%.1f%%)%n", threads, bestBare, bare[rounds / 2], bestOurs, ours[rounds / 2], 100 * (bestBare - bestOurs) / bestBare,
					100 * (bare[rounds / 2] - ours[rounds / 2]) / bare[rounds / 2]);
		}
	}

	/** Plain loops over the same template arrays, split into equal chunks, no gallery code involved. */
	private static double bareLoop(ExecutorService executor, int threads, FingerprintMatcher right, FingerprintMatcher left, Enrolled enrolled) throws Exception {
		int n = enrolled.right.length;
		List<Future<Double>> futures = new ArrayList<>();
		for (int t = 0; t < threads; ++t) {
			int from = n * t / threads, to = n * (t + 1) / threads;
			futures.add(executor.submit(() -> {
				double sink = 0;
				for (int i = from; i < to; ++i)
					sink += right.match(enrolled.right[i]) + left.match(enrolled.left[i]);
				return sink;
			}));
		}
		double sink = 0;
		for (Future<Double> f : futures)
			sink += f.get();
		return sink;
	}

	private static void latency(List<byte[]> pool, List<byte[]> probeTemplates, int persons, int searches) {
		System.gc();
		long heapBefore = usedHeap();
		long t0 = System.nanoTime();
		Enrolled enrolled = new Enrolled(pool, persons);
		double deserializeSeconds = seconds(t0);
		try (FingerprintGallery gallery = enrolled.gallery(Runtime.getRuntime().availableProcessors())) {
			System.gc();
			long heapAfter = usedHeap();
			long fingers = gallery.fingerCount();
			System.out.printf(Locale.ROOT, "%ngallery %d persons x 2 fingers: deserialized %d templates in %.1f s (%.0f templates/s on 1 thread); "
					+ "heap per finger: SourceAFIS estimate %.1f KB, measured heap delta %.1f KB%n", persons, fingers, deserializeSeconds,
					fingers / deserializeSeconds, gallery.memoryBytes() / 1024.0 / fingers, (heapAfter - heapBefore) / 1024.0 / fingers);
			SearchOptions options = SearchOptions.identification();
			gallery.search(probe(probeTemplates, 0), options); // warm-up
			double[] ms = new double[searches];
			int falseCandidates = 0;
			for (int s = 0; s < searches; ++s) {
				long start = System.nanoTime();
				Probe probe = probe(probeTemplates, s);
				List<Candidate> candidates = gallery.search(probe, options);
				ms[s] = (System.nanoTime() - start) / 1e6;
				falseCandidates += candidates.size();
			}
			Arrays.sort(ms);
			System.out.printf(Locale.ROOT, "  person search (2-finger probe incl. matcher build, threshold %.0f, %d searches): p50 %.0f ms, p99 %.0f ms, max %.0f ms, "
					+ "%.0f comparisons/s; false candidates returned: %d%n", options.threshold(), searches, ms[searches / 2],
					ms[Math.min(searches - 1, (int)Math.ceil(searches * 0.99) - 1)], ms[searches - 1], 2.0 * persons / (ms[searches / 2] / 1000), falseCandidates);
			// Mated check: a probe made of gallery templates must come first.
			Probe mated = Probe.of(new Finger(FingerPosition.RIGHT_INDEX, enrolled.right[persons / 2]), new Finger(FingerPosition.LEFT_INDEX, enrolled.left[persons / 2]));
			List<Candidate> found = gallery.search(mated, options);
			System.out.printf(Locale.ROOT, "  sanity: mated probe returns %d candidate(s) (templates repeat every %d persons), top score %.0f%n", found.size(),
					pool.size() / 2, found.isEmpty() ? 0 : found.get(0).score());
		}
	}

	private static void extraction() throws IOException {
		if (SharedFingerprints.root().isEmpty()) {
			System.out.println("\nextraction: shared fingerprint images not found, skipped");
			return;
		}
		Path root = SharedFingerprints.root().get();
		TemplateExtractor extractor = new TemplateExtractor();
		System.out.println("\nextraction time per image (1 thread, includes decode and quality gate; first image excluded as warm-up):");
		for (String set : List.of("dev-sets/FVC2002_DB1_B", "dev-sets/FVC2002_DB4_B", "dev-sets/pyfnprint_PNG", "nist-card")) {
			List<Path> files;
			try (Stream<Path> s = Files.list(root.resolve(set))) {
				files = s.filter(p -> p.getFileName().toString().matches("(fp-([1-9]|10)\\.png)|(\\d+_\\d+\\.(tif|png))")).sorted().toList();
			}
			double[] ms = new double[files.size()];
			int rejected = 0;
			for (int i = 0; i < files.size(); ++i) {
				byte[] bytes = Files.readAllBytes(files.get(i));
				long start = System.nanoTime();
				try {
					extractor.extract(bytes, FingerPosition.UNKNOWN);
				} catch (FingerprintRejectedException e) {
					++rejected;
				}
				ms[i] = (System.nanoTime() - start) / 1e6;
			}
			double[] timed = Arrays.copyOfRange(ms, 1, ms.length);
			Arrays.sort(timed);
			System.out.printf(Locale.ROOT, "  %s: %d images, mean %.0f ms, p50 %.0f ms, max %.0f ms, rejected by default gate: %d%n", set.replace("dev-sets/", ""),
					files.size(), IntStream.range(0, timed.length).mapToDouble(i -> timed[i]).average().orElse(0), timed[timed.length / 2], timed[timed.length - 1], rejected);
		}
	}

	private static long usedHeap() {
		Runtime r = Runtime.getRuntime();
		return r.totalMemory() - r.freeMemory();
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static int intArg(String[] args, String name, int fallback) {
		return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
	}

	private static String stringArg(String[] args, String name, String fallback) {
		for (int i = 0; i + 1 < args.length; ++i)
			if (args[i].equals(name))
				return args[i + 1];
		return fallback;
	}
}
