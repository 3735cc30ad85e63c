package org.safereg.matching;

import com.machinezoo.sourceafis.FingerprintTemplate;
import java.util.Objects;

/**
 * One finger: its position and a deserialized SourceAFIS template. Immutable (SourceAFIS templates are
 * immutable and thread-safe once built).
 */
public record Finger(FingerPosition position, FingerprintTemplate template) {
	public Finger {
		Objects.requireNonNull(position, "position");
		Objects.requireNonNull(template, "template");
	}
}
