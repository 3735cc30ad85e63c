package org.safereg.matching;

import com.machinezoo.sourceafis.FingerprintTemplate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** One person's enrolled fingers, deserialized, in flat arrays for the scan loop. Immutable. Internal. */
final class PersonEntry {
	final UUID subject;
	final FingerPosition[] positions;
	final FingerprintTemplate[] templates;

	private PersonEntry(UUID subject, FingerPosition[] positions, FingerprintTemplate[] templates) {
		this.subject = subject;
		this.positions = positions;
		this.templates = templates;
	}

	static PersonEntry of(UUID subject, Collection<Finger> fingers) {
		Objects.requireNonNull(subject, "subject");
		List<Finger> list = List.copyOf(fingers);
		if (list.isEmpty() || list.size() > Probe.MAX_FINGERS)
			throw new IllegalArgumentException("A person has 1 to " + Probe.MAX_FINGERS + " fingers");
		Set<FingerPosition> seen = EnumSet.noneOf(FingerPosition.class);
		FingerPosition[] positions = new FingerPosition[list.size()];
		FingerprintTemplate[] templates = new FingerprintTemplate[list.size()];
		for (int i = 0; i < list.size(); ++i) {
			Finger finger = list.get(i);
			if (finger.position() != FingerPosition.UNKNOWN && !seen.add(finger.position()))
				throw new IllegalArgumentException("Duplicate finger position " + finger.position());
			positions[i] = finger.position();
			templates[i] = finger.template();
		}
		return new PersonEntry(subject, positions, templates);
	}

	long memory() {
		long sum = 0;
		for (FingerprintTemplate t : templates)
			sum += t.memory();
		return sum;
	}
}
