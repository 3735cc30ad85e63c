package org.safereg.privacy.statistics.extract;

/**
 * A pseudonym epoch of one recipient: extracts for the same recipient in the same epoch carry the same
 * pseudonym for the same person (longitudinal work); starting a new epoch (the next number) makes the new
 * extracts unlinkable to the old ones. Numbered from 1.
 */
public record ExtractEpoch(int number) {
    public ExtractEpoch {
        if (number < 1) {
            throw new IllegalArgumentException("epoch numbers start at 1");
        }
    }

    public static ExtractEpoch of(int number) {
        return new ExtractEpoch(number);
    }

    /** The epoch that follows this one. */
    public ExtractEpoch next() {
        return new ExtractEpoch(Math.addExact(number, 1));
    }

    @Override
    public String toString() {
        return Integer.toString(number);
    }
}
