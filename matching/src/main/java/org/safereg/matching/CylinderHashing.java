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
	/** rank[h][bit]: position of the bit in permutation h; a min-hash is the lowest position of a set bit. */
	private final short[][] rank;

	CylinderHashing(int tables, int hashesPerKey, int bucketBits, int minBits, long seed) {
		this.tables = tables;
		this.hashesPerKey = hashesPerKey;
		this.bucketsPerTable = 1 << bucketBits;
		this.minBits = minBits;
		SplittableRandom random = new SplittableRandom(seed);
		rank = new short[tables * hashesPerKey][CylinderCodes.BITS];
		for (short[] permutation : rank) {
			for (int b = 0; b < permutation.length; ++b)
				permutation[b] = (short)b;
			for (int b = permutation.length - 1; b > 0; --b) {
				int other = random.nextInt(b + 1);
				short swap = permutation[b];
				permutation[b] = permutation[other];
				permutation[other] = swap;
			}
		}
	}

	int buckets() {
		return tables * bucketsPerTable;
	}

	/** Sorted distinct bucket numbers (table * bucketsPerTable + folded key) of the cylinders. */
	int[] buckets(long[] cylinders) {
		int count = cylinders.length / CylinderCodes.WORDS;
		int[] out = new int[count * tables];
		int[] bits = new int[CylinderCodes.BITS];
		for (int c = 0; c < count; ++c) {
			int n = 0;
			for (int w = 0; w < CylinderCodes.WORDS; ++w)
				for (long word = cylinders[c * CylinderCodes.WORDS + w]; word != 0; word &= word - 1)
					bits[n++] = w * 64 + Long.numberOfTrailingZeros(word);
			for (int t = 0; t < tables; ++t) {
				long key = 0;
				for (int h = 0; h < hashesPerKey; ++h) {
					short[] permutation = rank[t * hashesPerKey + h];
					int min = Integer.MAX_VALUE;
					for (int i = 0; i < n; ++i)
						min = Math.min(min, permutation[bits[i]]);
					key = key * CylinderCodes.BITS + min;
				}
				out[c * tables + t] = t * bucketsPerTable + fold(key);
			}
		}
		Arrays.sort(out);
		int distinct = 0;
		for (int i = 0; i < out.length; ++i)
			if (i == 0 || out[i] != out[i - 1])
				out[distinct++] = out[i];
		return Arrays.copyOf(out, distinct);
	}

	private int fold(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int)(h >>> 40) & (bucketsPerTable - 1);
	}
}
