package org.safereg.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * First stage of an indexed search: MinHash buckets of bit-form Minutia Cylinder-Codes ({@link CylinderCodes},
 * {@link CylinderHashing}), one set of inverted lists per finger position, and IDF-weighted vote counting that
 * ranks enrolled persons for the full SourceAFIS stage. Internal.
 * <p>
 * Persons get a number and each enrolled finger a slot; both are reused after removal so the score arrays stay
 * as large as the gallery. A finger's buckets are not stored: removal recomputes them from the template.
 * <p>
 * Thread-safety: all methods may be called concurrently; searches share a read lock, changes take the write
 * lock for the posting-list updates only (features are computed before).
 */
final class CylinderIndex {
	/** Hash tables, min-hashes per key, 2^14 buckets per table, cylinders with at least 4 set bits. */
	static final CylinderHashing HASHING = new CylinderHashing(16, 3, 14, 4, 0x5AFE_1DECL);

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
	private final PostingLists[] byPosition = new PostingLists[FingerPosition.values().length];
	private final Map<UUID, Indexed> indexed = new HashMap<>();
	/** By person number: the enrolled entry, null when free. */
	private PersonEntry[] persons = new PersonEntry[16];
	private int[] freePersons = new int[16];
	private int freePersonCount;
	private int personCount;
	private int personLimit;
	/** By slot: person number (-1 when free) and finger position ordinal. */
	private int[] slotPerson = new int[32];
	private byte[] slotPosition = new byte[32];
	private int[] freeSlots = new int[32];
	private int freeSlotCount;
	private int slotLimit;

	private record Indexed(int person, int[] slots) {
	}

	/** Index keys of one finger: sorted distinct buckets of its cylinders. Thread-safe; about 65 us CPU for 25 minutiae. */
	static int[] keys(com.machinezoo.sourceafis.FingerprintTemplate template) {
		return HASHING.buckets(CylinderCodes.of(Minutiae.of(template), HASHING.minBits));
	}

	/** Keys of all fingers of an entry, in finger order. */
	static int[][] keys(PersonEntry entry) {
		int[][] keys = new int[entry.templates.length][];
		for (int i = 0; i < keys.length; ++i)
			keys[i] = keys(entry.templates[i]);
		return keys;
	}

	/**
	 * Runs {@code change} under the write lock, with {@link #put} and {@link #remove} available to it; the
	 * caller changes its own person map inside, so searches see both in step.
	 */
	void write(Runnable change) {
		lock.writeLock().lock();
		try {
			change.run();
		} finally {
			lock.writeLock().unlock();
		}
	}

	/** Adds or replaces a person; caller holds the write lock ({@link #write}). */
	void put(PersonEntry entry, int[][] keys) {
		int[] slots = allocate(entry);
		for (int f = 0; f < slots.length; ++f)
			lists(entry.positions[f]).add(slots[f], keys[f]);
	}

	/**
	 * Adds or replaces many persons, as {@link #put} does one by one, filling the posting lists on the pool's
	 * threads (sequentially without a pool). Caller holds the write lock ({@link #write}).
	 */
	void putAll(List<PersonEntry> entries, int[][][] keys, ForkJoinPool pool) {
		int positions = FingerPosition.values().length;
		int[] counts = new int[positions];
		for (PersonEntry entry : entries)
			for (FingerPosition position : entry.positions)
				++counts[position.ordinal()];
		int[][] slots = new int[positions][];
		int[][][] buckets = new int[positions][][];
		for (int p = 0; p < positions; ++p) {
			slots[p] = new int[counts[p]];
			buckets[p] = new int[counts[p]][];
		}
		Arrays.fill(counts, 0);
		for (int i = 0; i < entries.size(); ++i) {
			PersonEntry entry = entries.get(i);
			int[] allocated = allocate(entry);
			for (int f = 0; f < allocated.length; ++f) {
				int p = entry.positions[f].ordinal();
				slots[p][counts[p]] = allocated[f];
				buckets[p][counts[p]++] = keys[i][f];
			}
		}
		for (int p = 0; p < positions; ++p)
			if (counts[p] > 0)
				lists(FingerPosition.values()[p]).addAll(slots[p], buckets[p], pool);
	}

	/** Registers a person (replacing an earlier entry) with a person number and a slot per finger; returns the slots. */
	private int[] allocate(PersonEntry entry) {
		remove(entry.subject);
		int person = freePersonCount > 0 ? freePersons[--freePersonCount] : personLimit++;
		if (person >= persons.length)
			persons = Arrays.copyOf(persons, persons.length * 2);
		persons[person] = entry;
		int[] slots = new int[entry.templates.length];
		for (int f = 0; f < slots.length; ++f) {
			int slot = freeSlotCount > 0 ? freeSlots[--freeSlotCount] : slotLimit++;
			if (slot >= slotPerson.length) {
				slotPerson = Arrays.copyOf(slotPerson, slotPerson.length * 2);
				slotPosition = Arrays.copyOf(slotPosition, slotPosition.length * 2);
			}
			slots[f] = slot;
			slotPerson[slot] = person;
			slotPosition[slot] = (byte)entry.positions[f].ordinal();
		}
		indexed.put(entry.subject, new Indexed(person, slots));
		++personCount;
		return slots;
	}

	private PostingLists lists(FingerPosition position) {
		if (byPosition[position.ordinal()] == null)
			byPosition[position.ordinal()] = new PostingLists(HASHING.buckets());
		return byPosition[position.ordinal()];
	}

	/** Removes a person if present; caller holds the write lock ({@link #write}). */
	void remove(UUID subject) {
		Indexed old = indexed.remove(subject);
		if (old == null)
			return;
		PersonEntry entry = persons[old.person];
		int[][] keys = keys(entry);
		for (int f = 0; f < old.slots.length; ++f) {
			int slot = old.slots[f];
			byPosition[slotPosition[slot]].remove(slot, keys[f]);
			slotPerson[slot] = -1;
			if (freeSlotCount == freeSlots.length)
				freeSlots = Arrays.copyOf(freeSlots, freeSlots.length * 2);
			freeSlots[freeSlotCount++] = slot;
		}
		persons[old.person] = null;
		if (freePersonCount == freePersons.length)
			freePersons = Arrays.copyOf(freePersons, freePersons.length * 2);
		freePersons[freePersonCount++] = old.person;
		--personCount;
	}

	/** Number of indexed persons. */
	int persons() {
		lock.readLock().lock();
		try {
			return personCount;
		} finally {
			lock.readLock().unlock();
		}
	}

	/** Heap held by the index (posting lists and slot tables), in bytes. */
	long memoryBytes() {
		lock.readLock().lock();
		try {
			long sum = 16L * persons.length / 4 + 4L * freePersons.length + 9L * slotPerson.length + 4L * freeSlots.length;
			// Map entry, UUID key (shared with the person entry, not counted), record and slot array per person.
			sum += indexed.size() * (48L + 24 + 16 + 4 * 2);
			for (PostingLists lists : byPosition)
				if (lists != null)
					sum += lists.memoryBytes();
			return sum;
		} finally {
			lock.readLock().unlock();
		}
	}

	/** Outcome of the index stage: candidate persons, best first, and the postings visited. */
	record Ranking(PersonEntry[] candidates, long postings) {
	}

	/**
	 * The {@code depth} persons with the highest index score for the probe. Per probe finger, a finger's score is
	 * the IDF-weighted count of shared buckets divided by the probe finger's self-score (so fingers weigh alike);
	 * a person's score per probe finger is the best over comparable fingers. Fusion: three quarters of the depth
	 * go to the highest sums over probe fingers, the rest is shared out among the probe fingers, each adding its
	 * own best persons not yet chosen, so a person whose other probe finger is poor still gets through.
	 */
	Ranking rank(Probe probe, PositionRule rule, int depth) {
		lock.readLock().lock();
		try {
			int fingers = probe.size();
			float[][] best = new float[fingers][personLimit];
			float[] scores = new float[slotLimit];
			long visited = 0;
			for (int f = 0; f < fingers; ++f) {
				Arrays.fill(scores, 0);
				FingerPosition position = probe.positions[f];
				for (FingerPosition enrolled : FingerPosition.values()) {
					PostingLists lists = byPosition[enrolled.ordinal()];
					if (lists == null || lists.fingers() == 0 || !rule.comparable(position, enrolled))
						continue;
					double self = lists.selfWeight(probe.indexKeys[f]);
					if (self > 0)
						visited += lists.accumulate(probe.indexKeys[f], scores, 1 / self);
				}
				float[] personBest = best[f];
				for (int slot = 0; slot < slotLimit; ++slot) {
					int person = slotPerson[slot];
					if (person >= 0 && scores[slot] > personBest[person] && rule.comparable(position, FingerPosition.values()[slotPosition[slot]]))
						personBest[person] = scores[slot];
				}
			}
			float[] fused = new float[personLimit];
			for (float[] personBest : best)
				for (int p = 0; p < personLimit; ++p)
					fused[p] += personBest[p];
			boolean[] chosen = new boolean[personLimit];
			int reserve = fingers > 1 ? depth / 4 : 0;
			int count = select(fused, depth - reserve, chosen, 0);
			for (int f = 0; f < fingers && count < depth; ++f) {
				int share = (depth - count) / (fingers - f);
				count = select(best[f], share, chosen, count);
			}
			if (count < depth)
				count = select(fused, depth - count, chosen, count);
			PersonEntry[] candidates = new PersonEntry[count];
			int n = 0;
			for (int p = 0; p < personLimit; ++p)
				if (chosen[p])
					candidates[n++] = persons[p];
			return new Ranking(candidates, visited);
		} finally {
			lock.readLock().unlock();
		}
	}

	/**
	 * Marks the {@code k} enrolled persons not yet chosen with the highest scores (ties broken by person number).
	 * Returns the new number chosen.
	 */
	private int select(float[] score, int k, boolean[] chosen, int count) {
		if (k <= 0)
			return count;
		int available = 0;
		float[] values = new float[personLimit];
		for (int p = 0; p < personLimit; ++p)
			if (persons[p] != null && !chosen[p])
				values[available++] = score[p];
		if (available == 0)
			return count;
		k = Math.min(k, available);
		float threshold = kthLargest(values, available, k);
		int above = 0;
		for (int p = 0; p < personLimit; ++p)
			if (persons[p] != null && !chosen[p] && score[p] > threshold)
				++above;
		int ties = k - above;
		for (int p = 0; p < personLimit; ++p) {
			if (persons[p] == null || chosen[p])
				continue;
			if (score[p] > threshold || (score[p] == threshold && ties-- > 0)) {
				chosen[p] = true;
				++count;
			}
		}
		return count;
	}

	/** The k-th largest of the first n values (1-based k); reorders the array. Quickselect, O(n) expected. */
	private static float kthLargest(float[] a, int n, int k) {
		int lo = 0, hi = n - 1, target = k - 1;
		java.util.SplittableRandom random = new java.util.SplittableRandom(n);
		while (lo < hi) {
			float pivot = a[lo + random.nextInt(hi - lo + 1)];
			int i = lo, j = hi;
			while (i <= j) {
				while (a[i] > pivot)
					++i;
				while (a[j] < pivot)
					--j;
				if (i <= j) {
					float t = a[i];
					a[i++] = a[j];
					a[j--] = t;
				}
			}
			if (target <= j)
				hi = j;
			else if (target >= i)
				lo = i;
			else
				return a[target];
		}
		return a[target];
	}

	/** Postings held over all positions, for consistency checks. */
	long postings() {
		lock.readLock().lock();
		try {
			long sum = 0;
			for (PostingLists lists : byPosition)
				if (lists != null)
					sum += lists.postings();
			return sum;
		} finally {
			lock.readLock().unlock();
		}
	}

	/** All persons in the index, for consistency checks. */
	List<UUID> subjects() {
		lock.readLock().lock();
		try {
			return List.copyOf(indexed.keySet());
		} finally {
			lock.readLock().unlock();
		}
	}
}
