package org.safereg.registration.biometrics;

import org.safereg.matching.PositionRule;
import org.safereg.matching.SearchOptions;
import org.safereg.matching.Thresholds;

/**
 * Adapts a threshold stated for two probe fingers to a probe of {@code k} fingers at equal modelled false-match
 * probability per person ({@link Thresholds#personFalseMatchRate}). Pure functions.
 */
final class FingerCountThresholds {
    /** The number of probe fingers configured thresholds are stated for. */
    static final int REFERENCE_FINGERS = 2;
    /** Enrolled fingers each probe finger is compared with under ANY_POSITION (the model's worst case). */
    private static final int ANY_POSITION_COMPARISONS = 10;

    private FingerCountThresholds() {
    }

    static SearchOptions forFingers(SearchOptions reference, int probeFingers) {
        if (probeFingers == REFERENCE_FINGERS) {
            return reference;
        }
        int m = reference.positionRule() == PositionRule.ANY_POSITION ? ANY_POSITION_COMPARISONS : 1;
        double perPerson = Thresholds.personFalseMatchRate(reference.threshold(), REFERENCE_FINGERS, m,
                reference.fusion());
        if (perPerson >= 1) {
            return reference;
        }
        return reference.withThreshold(Thresholds.thresholdFor(1, probeFingers, m, reference.fusion(), perPerson));
    }
}
