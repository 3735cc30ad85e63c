package org.safereg.matching;

import com.machinezoo.sourceafis.FingerprintMatcher;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Probe fingers prepared for matching: one SourceAFIS {@link FingerprintMatcher} per finger, built once.
 * <p>
 * Cost: building takes 2-3 ms and about 3 MB per finger (including the cylinder-index keys, about 0.1 ms), so build one probe per search (or per verification)
 * and reuse it, never per comparison. Immutable and thread-safe: a probe is used by all search threads at once.
 */
public final class Probe {
	/** At most this many probe fingers (ten fingers of one person). */
	public static final int MAX_FINGERS = 10;
	final FingerPosition[] positions;
	final FingerprintMatcher[] matchers;
	/** Cylinder-index keys per finger ({@link CylinderIndex#keys}). */
	final int[][] indexKeys;

	private Probe(List<Finger> fingers) {
		if (fingers.isEmpty() || fingers.size() > MAX_FINGERS)
			throw new IllegalArgumentException("A probe has 1 to " + MAX_FINGERS + " fingers");
		positions = new FingerPosition[fingers.size()];
		matchers = new FingerprintMatcher[fingers.size()];
		indexKeys = new int[fingers.size()][];
		for (int i = 0; i < fingers.size(); ++i) {
			Finger finger = Objects.requireNonNull(fingers.get(i));
			positions[i] = finger.position();
			matchers[i] = new FingerprintMatcher(finger.template());
			indexKeys[i] = CylinderIndex.keys(finger.template());
		}
	}

	/** Builds matchers for 1 to 10 probe fingers (2-3 ms each). */
	public static Probe of(Collection<Finger> fingers) {
		return new Probe(List.copyOf(fingers));
	}

	public static Probe of(Finger... fingers) {
		return new Probe(List.of(fingers));
	}

	public int size() {
		return positions.length;
	}

	public List<FingerPosition> positions() {
		return List.of(positions);
	}

	/**
	 * 1:1 verification against fingers the caller already holds (e.g. loaded for one person from storage), without
	 * a gallery. Cost: one comparison (about 40 us) per comparable finger pair.
	 */
	public Verification verify(UUID subject, Collection<Finger> enrolled, SearchOptions options) {
		PersonEntry person = PersonEntry.of(subject, enrolled);
		return PersonScoring.verify(this, person, options);
	}

	@Override
	public String toString() {
		return "Probe" + Arrays.toString(positions);
	}
}
