package org.safereg.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * In-memory gallery of enrolled persons for 1:N identification (deduplication) and 1:1 verification.
 * <p>
 * Each person, identified by the caller's opaque {@link UUID}, has 1 to 10 fingers held as deserialized
 * SourceAFIS templates (deserializing costs more than a comparison, so it happens once, at enrolment).
 * Heap: about 9-30 KB per finger ({@link #memoryBytes()} reports SourceAFIS' own estimate) plus about 2 KB per
 * finger for the cylinder index ({@link #indexMemoryBytes()}).
 * <p>
 * Search cost, {@link SearchStrategy#BRUTE_FORCE}: one comparison (35-50 us on one core for real 500 dpi prints,
 * up to ~80 us for minutiae-rich templates) per probe finger and comparable enrolled finger, spread over all
 * threads of the gallery's pool. With two probe fingers, {@link PositionRule#SAME_POSITION} and 10,000 persons
 * that is 20,000 comparisons, about 0.4-0.9 s on 2 cores. {@link SearchStrategy#INDEXED} (the default): a
 * cylinder-index stage per finger position ranks every person (milliseconds), then SourceAFIS compares only the
 * {@link CandidateDepth} best (by default 3% of the gallery for probes of 2+ fingers, 20% for one finger, at least
 * 1,000 persons; smaller galleries are always searched in full). See docs/biometrics.md, "Indexed search".
 * <p>
 * Enrolment cost: computing a finger's index keys takes about 65 us CPU (minutiae export, cylinders, MinHash) and
 * inserting them about 20 us; {@link #enrollAll} spreads both over the gallery's threads for loading.
 * <p>
 * Thread-safety: all methods may be called concurrently. {@link #enroll} and {@link #remove} are safe during
 * searches. A brute-force search scans an immutable snapshot taken when it starts, so it sees every enrolment and
 * removal that completed before it started, and never a half-enrolled person. Snapshots are rebuilt lazily (one
 * array copy, under a millisecond per 100,000 persons) by the first search after a change. An indexed search
 * ranks under the index's read lock and enrolment and removal update the person map and the index together under
 * its write lock, so the index stage too sees exactly the changes completed before it started.
 */
public final class FingerprintGallery implements AutoCloseable {
	/** Below this many comparisons a search runs on the calling thread only. */
	private static final int PARALLEL_MIN_COMPARISONS = 64;
	private static final Comparator<Candidate> RANKING = Comparator.comparingDouble(Candidate::score).reversed()
			.thenComparing(Candidate::subject);

	private final ConcurrentHashMap<UUID, PersonEntry> persons = new ConcurrentHashMap<>();
	private final CylinderIndex index = new CylinderIndex();
	private final AtomicLong version = new AtomicLong();
	private volatile Snapshot snapshot = new Snapshot(0, new PersonEntry[0]);
	private final ForkJoinPool pool;
	private final int parallelism;

	private record Snapshot(long version, PersonEntry[] persons) {
	}

	/** Gallery that searches with one thread per available processor. */
	public FingerprintGallery() {
		this(Runtime.getRuntime().availableProcessors());
	}

	/** Gallery that searches with {@code parallelism} threads (1 = sequential, on the caller's thread). */
	public FingerprintGallery(int parallelism) {
		if (parallelism < 1)
			throw new IllegalArgumentException("parallelism must be at least 1");
		this.parallelism = parallelism;
		this.pool = parallelism > 1 ? new ForkJoinPool(parallelism) : null;
	}

	/**
	 * Adds a person, or replaces all fingers of an already enrolled person. Cheap (a map insertion).
	 *
	 * @param fingers
	 *            1 to 10 fingers; known positions must be distinct
	 */
	public void enroll(UUID subject, Collection<Finger> fingers) {
		PersonEntry entry = PersonEntry.of(subject, fingers);
		int[][] keys = CylinderIndex.keys(entry);
		index.write(() -> put(entry, keys));
	}

	/**
	 * Adds or replaces many persons at once, as {@link #enroll} does one by one, computing their cylinder-index keys
	 * and filling the index on the gallery's threads (about 85 us CPU per finger). For loading a gallery.
	 *
	 * @throws IllegalArgumentException
	 *             if any person's fingers are invalid (then nobody is enrolled)
	 */
	public void enrollAll(Map<UUID, ? extends Collection<Finger>> fingersBySubject) {
		List<PersonEntry> entries = new ArrayList<>(fingersBySubject.size());
		fingersBySubject.forEach((subject, fingers) -> entries.add(PersonEntry.of(subject, fingers)));
		int[][][] keys = new int[entries.size()][][];
		Runnable computeKeys = () -> IntStream.range(0, entries.size()).parallel().forEach(i -> keys[i] = CylinderIndex.keys(entries.get(i)));
		if (pool == null || pool.isShutdown())
			IntStream.range(0, entries.size()).forEach(i -> keys[i] = CylinderIndex.keys(entries.get(i)));
		else
			pool.submit(computeKeys).join();
		index.write(() -> {
			for (PersonEntry entry : entries)
				persons.put(entry.subject, entry);
			index.putAll(entries, keys, pool == null || pool.isShutdown() ? null : pool);
			version.incrementAndGet();
		});
	}

	/** Adds or replaces a person in the map and the index; caller holds the index's write lock. */
	private void put(PersonEntry entry, int[][] keys) {
		persons.put(entry.subject, entry);
		index.put(entry, keys);
		version.incrementAndGet();
	}

	/** Removes a person at once (erasure). Searches started afterwards no longer see them. */
	public boolean remove(UUID subject) {
		Objects.requireNonNull(subject);
		boolean[] removed = new boolean[1];
		index.write(() -> {
			removed[0] = persons.remove(subject) != null;
			if (removed[0]) {
				index.remove(subject);
				version.incrementAndGet();
			}
		});
		return removed[0];
	}

	public boolean contains(UUID subject) {
		return persons.containsKey(subject);
	}

	/** Number of enrolled persons. */
	public int size() {
		return persons.size();
	}

	/** Number of enrolled fingers. O(persons). */
	public long fingerCount() {
		long count = 0;
		for (PersonEntry p : current().persons)
			count += p.templates.length;
		return count;
	}

	/** SourceAFIS' estimate of the heap held by all enrolled templates, in bytes. O(fingers). */
	public long memoryBytes() {
		long sum = 0;
		for (PersonEntry p : current().persons)
			sum += p.memory();
		return sum;
	}

	/**
	 * Heap held by the cylinder index (posting lists, slot tables), in bytes: about 1.5-2 KB per enrolled finger of
	 * a real 500 dpi print (docs/benchmarks.md, section 4). O(finger positions).
	 */
	public long indexMemoryBytes() {
		return index.memoryBytes();
	}

	/**
	 * 1:N search: enrolled persons are scored against the probe; persons whose fused score reaches the threshold are
	 * returned, best first (ties by subject id), at most {@link SearchOptions#maxCandidates()}.
	 * <p>
	 * With {@link SearchStrategy#BRUTE_FORCE}, or when the {@link SearchOptions#depth()} covers the whole gallery,
	 * SourceAFIS scores every person. With {@link SearchStrategy#INDEXED} on a larger gallery the cylinder index
	 * first ranks all persons (a few milliseconds at 100,000 persons) and SourceAFIS scores only the depth's best;
	 * a mate the index ranks lower is missed (see docs/biometrics.md, "Indexed search").
	 */
	public List<Candidate> search(Probe probe, SearchOptions options) {
		Objects.requireNonNull(probe);
		Objects.requireNonNull(options);
		PersonEntry[] candidates = indexStage(probe, options).map(CylinderIndex.Ranking::candidates).orElseGet(() -> current().persons);
		return score(probe, options, candidates);
	}

	/** The cylinder index, for consistency checks in tests. */
	CylinderIndex index() {
		return index;
	}

	/** The index stage of {@link #search}, or empty when the search is brute force. Package-private for benchmarks. */
	Optional<CylinderIndex.Ranking> indexStage(Probe probe, SearchOptions options) {
		if (options.strategy() == SearchStrategy.BRUTE_FORCE)
			return Optional.empty();
		int size = index.persons();
		int depth = options.depth().persons(size, probe.size());
		if (depth >= size)
			return Optional.empty();
		return Optional.of(index.rank(probe, options.positionRule(), depth));
	}

	/** The SourceAFIS stage of {@link #search} over the given persons. */
	List<Candidate> score(Probe probe, SearchOptions options, PersonEntry[] all) {
		if (pool == null || pool.isShutdown() || (long)all.length * probe.size() < PARALLEL_MIN_COMPARISONS)
			return rank(List.of(scan(probe, options, all, 0, all.length)), options);
		int chunks = Math.min(all.length, parallelism * 8);
		List<Callable<PriorityQueue<Candidate>>> tasks = new ArrayList<>(chunks);
		for (int c = 0; c < chunks; ++c) {
			int from = (int)((long)all.length * c / chunks);
			int to = (int)((long)all.length * (c + 1) / chunks);
			tasks.add(() -> scan(probe, options, all, from, to));
		}
		List<PriorityQueue<Candidate>> results = new ArrayList<>(chunks);
		try {
			for (Future<PriorityQueue<Candidate>> future : pool.invokeAll(tasks))
				results.add(future.get());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Search interrupted", e);
		} catch (ExecutionException e) {
			throw new IllegalStateException("Search failed", e.getCause());
		}
		return rank(results, options);
	}

	/**
	 * 1:1 verification of probe fingers against one enrolled person.
	 *
	 * @return empty if the subject is not enrolled
	 */
	public Optional<Verification> verify(UUID subject, Probe probe, SearchOptions options) {
		PersonEntry person = persons.get(subject);
		return person == null ? Optional.empty() : Optional.of(PersonScoring.verify(probe, person, options));
	}

	/** Stops the search threads. Searches after closing run on the caller's thread. */
	@Override
	public void close() {
		if (pool != null)
			pool.shutdown();
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		long v = version.get();
		if (s.version() == v)
			return s;
		// Read the version before copying: a change during the copy leaves the snapshot stale, and the next
		// search rebuilds it again.
		Snapshot fresh = new Snapshot(v, persons.values().toArray(new PersonEntry[0]));
		snapshot = fresh;
		return fresh;
	}

	private static PriorityQueue<Candidate> scan(Probe probe, SearchOptions options, PersonEntry[] all, int from, int to) {
		// Min-heap of the best candidates so far, bounded to maxCandidates.
		PriorityQueue<Candidate> top = new PriorityQueue<>(RANKING.reversed());
		PersonScoring.Scratch scratch = new PersonScoring.Scratch(probe.size());
		PositionRule rule = options.positionRule();
		ScoreFusion fusion = options.fusion();
		double threshold = options.threshold();
		for (int i = from; i < to; ++i) {
			PersonEntry person = all[i];
			double score = PersonScoring.score(probe, person, rule, fusion, scratch);
			if (score < threshold)
				continue;
			if (top.size() >= options.maxCandidates() && score < top.peek().score())
				continue;
			top.add(new Candidate(person.subject, score, PersonScoring.fingerScores(probe, person, scratch)));
			if (top.size() > options.maxCandidates())
				top.poll();
		}
		return top;
	}

	private static List<Candidate> rank(List<PriorityQueue<Candidate>> partial, SearchOptions options) {
		List<Candidate> all = new ArrayList<>();
		partial.forEach(all::addAll);
		all.sort(RANKING);
		return List.copyOf(all.subList(0, Math.min(all.size(), options.maxCandidates())));
	}
}
