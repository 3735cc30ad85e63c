package org.safereg.matching;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash of cylinders: each cylinder's set of 1-bits gives one key per table, the concatenation of
 * {@code hashesPerKey} min-hashes (random permutations of the {@value CylinderCodes#BITS} bit positions), so two
 * cylinders share the key of a table with probability about J^k, J their Jaccard similarity. A finger's keys are
 * the distinct (table, key) buckets of its cylinders. Internal. Immutable and thread-safe.
 */
final class CylinderHashing {
	final int tables;
	final int hashesPerKey;
	/** Buckets per table, a power of two: keys are folded by a hash into this range. */
	final int bucketsPerTable;
	final int minBits;
	/**
	 * rank[bit * tables * hashesPerKey + h]: position of the bit in permutation h; a min-hash is the lowest position
	 * of a set bit. Laid out by bit so that one set bit updates all min-hashes from one contiguous row.
	 */
	private final int[] rank;

	CylinderHashing(int tables, int hashesPerKey, int bucketBits, int minBits, long seed) {
		this.tables = tables;
		this.hashesPerKey = hashesPerKey;
		this.bucketsPerTable = 1 << bucketBits;
		this.minBits = minBits;
		SplittableRandom random = new SplittableRandom(seed);
		int hashes = tables * hashesPerKey;
		rank = new int[CylinderCodes.BITS * hashes];
		short[] permutation = new short[CylinderCodes.BITS];
		for (int h = 0; h < hashes; ++h) {
			for (int b = 0; b < permutation.length; ++b)
				permutation[b] = (short)b;
			for (int b = permutation.length - 1; b > 0; --b) {
				int other = random.nextInt(b + 1);
				short swap = permutation[b];
				permutation[b] = permutation[other];
				permutation[other] = swap;
			}
			for (int b = 0; b < permutation.length; ++b)
				rank[b * hashes + h] = permutation[b];
		}
	}

	int buckets() {
		return tables * bucketsPerTable;
	}

	/** Sorted distinct bucket numbers (table * bucketsPerTable + folded key) of the cylinders. */
	int[] buckets(long[] cylinders) {
		int count = cylinders.length / CylinderCodes.WORDS;
		int hashes = tables * hashesPerKey;
		// Table-major: table t's keys fill out[t * count, (t + 1) * count) and lie in their own bucket range, so
		// sorting each table's run sorts the whole array.
		int[] out = new int[count * tables];
		int[] min = new int[hashes];
		for (int c = 0; c < count; ++c) {
			Arrays.fill(min, Integer.MAX_VALUE);
			for (int w = 0; w < CylinderCodes.WORDS; ++w)
				for (long word = cylinders[c * CylinderCodes.WORDS + w]; word != 0; word &= word - 1) {
					int row = (w * 64 + Long.numberOfTrailingZeros(word)) * hashes;
					for (int h = 0; h < hashes; ++h)
						min[h] = Math.min(min[h], rank[row + h]);
				}
			for (int t = 0; t < tables; ++t) {
				long key = 0;
				for (int h = t * hashesPerKey; h < (t + 1) * hashesPerKey; ++h)
					key = key * CylinderCodes.BITS + min[h];
				out[t * count + c] = t * bucketsPerTable + fold(key);
			}
		}
		int distinct = 0;
		for (int t = 0; t < tables; ++t) {
			Arrays.sort(out, t * count, (t + 1) * count);
			for (int i = t * count; i < (t + 1) * count; ++i)
				if (distinct == 0 || out[i] != out[distinct - 1])
					out[distinct++] = out[i];
		}
		return Arrays.copyOf(out, distinct);
	}

	private int fold(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int)(h >>> 40) & (bucketsPerTable - 1);
	}
}
