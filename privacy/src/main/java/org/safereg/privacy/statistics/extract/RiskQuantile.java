package org.safereg.privacy.statistics.extract;

/**
 * One quantile of the individual-risk distribution, by the nearest-rank method: at least {@code percent}% of
 * the records have an individual risk at most {@link #risk()}, and {@code classSize} is the size of the
 * equivalence class of the record at that rank (so the risk is exactly {@code 1 / classSize}).
 */
public record RiskQuantile(int percent, int classSize) {
    public RiskQuantile {
        if (percent < 1 || percent > 100 || classSize < 1) {
            throw new IllegalArgumentException("percent in 1..100, class size at least 1");
        }
    }

    public double risk() {
        return 1.0 / classSize;
    }
}
