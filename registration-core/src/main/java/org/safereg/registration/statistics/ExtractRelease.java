package org.safereg.registration.statistics;

import java.util.Objects;
import org.safereg.privacy.statistics.extract.ExtractEpoch;
import org.safereg.privacy.statistics.extract.RiskReport;

/**
 * A released extract: its register entry (with the signed manifest), the recipient's pseudonym epoch it was made
 * in, and the risk report (counts only). Immutable.
 */
public record ExtractRelease(RegisteredRelease release, ExtractEpoch epoch, RiskReport report) {
    public ExtractRelease {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(report, "report");
    }

    /** Records in the extract. */
    public long records() {
        return report.after().records();
    }
}
