package org.safereg.matching;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Inverted lists of one finger position: for every (table, key) bucket the slots of the enrolled fingers that
 * have it. Internal; not thread-safe (the {@link CylinderIndex} guards it; {@link #addAll} uses a pool's threads
 * on disjoint buckets itself).
 * <p>
 * Memory: one {@code int} per posting plus growth slack (at most 50%), and 16 bytes per non-empty bucket; the
 * bucket table itself is allocated on the first enrolment at this position ({@code 4 x buckets} bytes).
 */
final class PostingLists {
	/** Bucket ranges filled in parallel by {@link #addAll}. */
	private static final int RANGES = 16;
	/** lists[bucket]: element 0 is the count, then the slots; null when empty. */
	private final int[][] lists;
	private int fingers;
	private long postings;
	private long capacity;
	private int nonEmpty;

	PostingLists(int buckets) {
		lists = new int[buckets][];
	}

	int fingers() {
		return fingers;
	}

	void add(int slot, int[] buckets) {
		long[] totals = new long[2];
		for (int b : buckets)
			append(b, slot, totals);
		capacity += totals[0];
		nonEmpty += (int)totals[1];
		postings += buckets.length;
		++fingers;
	}

	/**
	 * Adds many fingers, as {@link #add} one by one in this order (the same lists, in the same order and with the
	 * same capacities), filling disjoint bucket ranges on the pool's threads (sequentially without a pool).
	 *
	 * @param buckets
	 *            each finger's sorted distinct buckets
	 */
	void addAll(int[] slots, int[][] buckets, ForkJoinPool pool) {
		int ranges = pool == null ? 1 : RANGES;
		long[][] totals = new long[ranges][2];
		IntConsumer fill = r -> {
			int lo = (int)((long)r * lists.length / ranges), hi = (int)((long)(r + 1) * lists.length / ranges);
			for (int f = 0; f < slots.length; ++f) {
				int[] keys = buckets[f];
				int at = Arrays.binarySearch(keys, lo);
				for (at = at >= 0 ? at : -at - 1; at < keys.length && keys[at] < hi; ++at)
					append(keys[at], slots[f], totals[r]);
			}
		};
		if (pool == null)
			fill.accept(0);
		else
			pool.submit(() -> IntStream.range(0, ranges).parallel().forEach(fill)).join();
		for (long[] t : totals) {
			capacity += t[0];
			nonEmpty += (int)t[1];
		}
		for (int[] keys : buckets)
			postings += keys.length;
		fingers += slots.length;
	}

	/**
	 * Appends a slot to a bucket's list, growing it by half when full; adds the capacity grown to totals[0] and a
	 * list created to totals[1].
	 */
	private void append(int bucket, int slot, long[] totals) {
		int[] list = lists[bucket];
		if (list == null) {
			list = new int[4];
			lists[bucket] = list;
			totals[0] += list.length;
			++totals[1];
		} else if (list[0] + 1 == list.length) {
			int[] grown = Arrays.copyOf(list, list.length + (list.length >> 1));
			totals[0] += grown.length - list.length;
			lists[bucket] = list = grown;
		}
		list[++list[0]] = slot;
	}

	void remove(int slot, int[] buckets) {
		for (int b : buckets) {
			int[] list = lists[b];
			if (list == null)
				throw new IllegalStateException("index out of step");
			int count = list[0], at = 1;
			while (at <= count && list[at] != slot)
				++at;
			if (at > count)
				throw new IllegalStateException("index out of step");
			list[at] = list[count];
			list[0] = --count;
			if (count == 0) {
				capacity -= list.length;
				lists[b] = null;
				--nonEmpty;
			} else if (list.length > 8 && count * 3 < list.length) {
				int[] shrunk = Arrays.copyOf(list, count + 1 + (count >> 1));
				capacity -= list.length - shrunk.length;
				lists[b] = shrunk;
			}
		}
		postings -= buckets.length;
		--fingers;
	}

	/**
	 * Self-similarity of a probe finger: the sum of the weights of its buckets (see {@link #weight}); used to put
	 * scores of different probe fingers on one scale.
	 */
	double selfWeight(int[] probeBuckets) {
		double sum = 0;
		for (int b : probeBuckets)
			sum += weight(lists[b]);
		return sum;
	}

	/** Adds {@code scale * weight} of every shared bucket to the slots' scores. Returns postings visited. */
	long accumulate(int[] probeBuckets, float[] scores, double scale) {
		long visited = 0;
		for (int b : probeBuckets) {
			int[] list = lists[b];
			if (list == null)
				continue;
			float w = (float)(weight(list) * scale);
			int count = list[0];
			for (int i = 1; i <= count; ++i)
				scores[list[i]] += w;
			visited += count;
		}
		return visited;
	}

	/** Inverse document frequency of a bucket: rare keys are stronger evidence. */
	private double weight(int[] list) {
		int count = list == null ? 0 : list[0];
		return Math.log((fingers + 1.0) / (count + 1.0));
	}

	/** Heap estimate in bytes: bucket table, list headers and contents. */
	long memoryBytes() {
		return 16L + 4L * lists.length + 16L * nonEmpty + 4L * capacity;
	}

	long postings() {
		return postings;
	}
}
