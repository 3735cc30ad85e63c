package org.safereg.privacy.statistics.extract;

/**
 * One bar of the individual-risk histogram: the records whose equivalence class has between
 * {@code minClassSize} and {@code maxClassSize} records (inclusive; {@link Integer#MAX_VALUE} for the open
 * last bar), that is whose individual risk lies between {@code 1 / maxClassSize} and {@code 1 / minClassSize}.
 */
public record RiskBin(int minClassSize, int maxClassSize, long records, long classes) {
    /** Highest individual risk in this bar. */
    public double maxRisk() {
        return 1.0 / minClassSize;
    }
}
