package org.safereg.matching;

/**
 * Inverted lists of one finger position: for every (table, key) bucket the slots of the enrolled fingers that
 * have it. Internal; not thread-safe (the {@link CylinderIndex} guards it).
 * <p>
 * Memory: one {@code int} per posting plus growth slack (at most 50%), and 16 bytes per non-empty bucket; the
 * bucket table itself is allocated on the first enrolment at this position ({@code 4 x buckets} bytes).
 */
final class PostingLists {
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
		for (int b : buckets) {
			int[] list = lists[b];
			if (list == null) {
				list = new int[4];
				lists[b] = list;
				capacity += list.length;
				++nonEmpty;
			} else if (list[0] + 1 == list.length) {
				int[] grown = java.util.Arrays.copyOf(list, list.length + (list.length >> 1));
				capacity += grown.length - list.length;
				lists[b] = list = grown;
			}
			list[++list[0]] = slot;
		}
		postings += buckets.length;
		++fingers;
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
				int[] shrunk = java.util.Arrays.copyOf(list, count + 1 + (count >> 1));
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
