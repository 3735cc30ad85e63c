package org.safereg.matching;

import com.machinezoo.sourceafis.FingerprintTemplate;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.safereg.matching.bench.NonMatePadding;
import org.safereg.matching.tools.AccuracySurvey;

/**
 * Cost of the cylinder-index keys at gallery load (docs/benchmarks.md, section 4): per-stage CPU time of one thread
 * (ISO export and parsing, cylinders, MinHash, insertion into the posting lists) over the dev-set templates and non-mated pads, digests of the
 * cylinders and keys (equal digests = unchanged index outputs), and the load rate of
 * {@link FingerprintGallery#enrollAll} on all processors.
 * <p>
 * Arguments: {@code --pads 20000 --rounds 3}.
 */
public final class IndexKeysBenchmark {
	public static void main(String[] args) throws Exception {
		int padCount = Integer.parseInt(arg(args, "--pads", "20000"));
		int rounds = Integer.parseInt(arg(args, "--rounds", "3"));
		Path root = SharedFingerprints.root().orElseThrow(() -> new IllegalStateException("shared fingerprints not found"));
		TemplateExtractor extractor = AccuracySurvey.extractor();
		List<FingerprintTemplate> bases = new ArrayList<>();
		for (String set : AccuracySurvey.SETS)
			AccuracySurvey.load(extractor, root, set).forEach(bases::addAll);
		NonMatePadding padding = new NonMatePadding(bases, 20261123);
		FingerprintTemplate[] templates = new FingerprintTemplate[bases.size() + padCount];
		for (int i = 0; i < bases.size(); ++i)
			templates[i] = bases.get(i);
		IntStream.range(0, padCount).parallel().forEach(i -> templates[bases.size() + i] = padding.pad(i));
		int n = templates.length;
		System.out.printf(Locale.ROOT, "# IndexKeysBenchmark: %d templates (%d dev-set, %d pads), %d processors, Java %s%n", n, bases.size(), padCount,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Minutiae[] minutiae = new Minutiae[n];
		long[][] cylinders = new long[n][];
		int[][] keys = new int[n][];
		for (int r = 0; r < rounds; ++r) {
			long t0 = threads.getCurrentThreadCpuTime();
			for (int i = 0; i < n; ++i)
				minutiae[i] = Minutiae.of(templates[i]);
			long t1 = threads.getCurrentThreadCpuTime();
			for (int i = 0; i < n; ++i)
				cylinders[i] = CylinderCodes.of(minutiae[i], CylinderIndex.HASHING.minBits);
			long t2 = threads.getCurrentThreadCpuTime();
			for (int i = 0; i < n; ++i)
				keys[i] = CylinderIndex.HASHING.buckets(cylinders[i]);
			long t3 = threads.getCurrentThreadCpuTime();
			System.out.printf(Locale.ROOT, "round %d, one thread, CPU per finger: minutiae (ISO export) %.1f us, cylinders %.1f us, MinHash %.1f us, total %.1f us%n", r + 1,
					(t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, (t3 - t2) / 1e3 / n, (t3 - t0) / 1e3 / n);
		}
		long minutiaCount = 0, cylinderCount = 0, keyCount = 0;
		MessageDigest cylinderDigest = MessageDigest.getInstance("SHA-256"), keyDigest = MessageDigest.getInstance("SHA-256");
		for (int i = 0; i < n; ++i) {
			minutiaCount += minutiae[i].count;
			cylinderCount += cylinders[i].length / CylinderCodes.WORDS;
			keyCount += keys[i].length;
			ByteBuffer c = ByteBuffer.allocate(8 * cylinders[i].length + 4);
			c.putInt(cylinders[i].length);
			for (long word : cylinders[i])
				c.putLong(word);
			cylinderDigest.update(c.array());
			ByteBuffer k = ByteBuffer.allocate(4 * keys[i].length + 4);
			k.putInt(keys[i].length);
			for (int key : keys[i])
				k.putInt(key);
			keyDigest.update(k.array());
		}
		System.out.printf(Locale.ROOT, "per finger: %.1f minutiae, %.1f cylinders, %.1f keys; digest cylinders %s, keys %s%n", minutiaCount / (double)n,
				cylinderCount / (double)n, keyCount / (double)n, HexFormat.of().formatHex(cylinderDigest.digest(), 0, 8), HexFormat.of().formatHex(keyDigest.digest(), 0, 8));

		Map<UUID, List<Finger>> persons = new LinkedHashMap<>();
		for (int i = 0; i + 1 < n; i += 2)
			persons.put(new UUID(3, i), List.of(new Finger(FingerPosition.RIGHT_THUMB, templates[i]), new Finger(FingerPosition.RIGHT_INDEX, templates[i + 1])));
		List<PersonEntry> entries = new ArrayList<>();
		persons.forEach((subject, fingers) -> entries.add(PersonEntry.of(subject, fingers)));
		int[][][] personKeys = new int[entries.size()][][];
		for (int i = 0; i < entries.size(); ++i)
			personKeys[i] = new int[][] { keys[2 * i], keys[2 * i + 1] };
		ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
		try {
			for (int r = 0; r < rounds; ++r) {
				CylinderIndex sequential = new CylinderIndex(), parallel = new CylinderIndex();
				long t0 = threads.getCurrentThreadCpuTime(), w0 = System.nanoTime();
				sequential.write(() -> sequential.putAll(entries, personKeys, null));
				long t1 = threads.getCurrentThreadCpuTime(), w1 = System.nanoTime();
				parallel.write(() -> parallel.putAll(entries, personKeys, pool));
				long w2 = System.nanoTime();
				int fingers = 2 * entries.size();
				System.out.printf(Locale.ROOT, "round %d, index insertion per finger: one thread %.1f us CPU, %.1f us wall; %d threads %.1f us wall%n", r + 1,
						(t1 - t0) / 1e3 / fingers, (w1 - w0) / 1e3 / fingers, pool.getParallelism(), (w2 - w1) / 1e3 / fingers);
			}
		} finally {
			pool.shutdown();
		}
		for (int r = 0; r < rounds; ++r) {
			long t0 = System.nanoTime(), cpu0 = cpuNanos();
			try (FingerprintGallery gallery = new FingerprintGallery()) {
				gallery.enrollAll(persons);
				double wall = (System.nanoTime() - t0) / 1e9, cpu = (cpuNanos() - cpu0) / 1e9;
				long fingers = gallery.fingerCount();
				System.out.printf(Locale.ROOT, "round %d, enrollAll of %d fingers: %.2f s wall, %.0f fingers/s; process CPU %.2f s, %.0f fingers per CPU-second; load average %.2f%n", r + 1,
						fingers, wall, fingers / wall, cpu, fingers / cpu, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			}
		}
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static String arg(String[] args, String name, String fallback) {
		for (int i = 0; i + 1 < args.length; ++i)
			if (args[i].equals(name))
				return args[i + 1];
		return fallback;
	}
}
