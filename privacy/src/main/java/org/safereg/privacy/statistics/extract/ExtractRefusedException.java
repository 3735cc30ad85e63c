package org.safereg.privacy.statistics.extract;

import java.util.Objects;
import java.util.Optional;

/**
 * The extract would carry more risk than allowed; nothing may be released. Carries the stable reason and,
 * when a treatment was computed, the risk report of the least risky one (counts only: no record values).
 */
public final class ExtractRefusedException extends RuntimeException {
    private final RefusalReason reason;
    private final transient RiskReport report;

    ExtractRefusedException(RefusalReason reason, RiskReport report) {
        super("extract refused: " + reason);
        this.reason = Objects.requireNonNull(reason);
        this.report = report;
    }

    public RefusalReason reason() {
        return reason;
    }

    /** The report of the least risky treatment found; empty for {@link RefusalReason#TOO_FEW_RECORDS}. */
    public Optional<RiskReport> report() {
        return Optional.ofNullable(report);
    }
}
