package org.safereg.registration.statistics;

import java.util.Objects;
import java.util.Optional;
import org.safereg.privacy.statistics.extract.RefusalReason;
import org.safereg.privacy.statistics.extract.RiskReport;
import org.safereg.registration.RegistrationException;

/**
 * A microdata extract refused because its disclosure risk cannot be brought within the configured limits: nothing
 * was released. Carries the anonymiser's stable {@link RefusalReason} and, when a treatment was computed, the risk
 * report of the least risky one (counts only, no record values: for the caller's logic, never for the requester, as
 * it describes the untreated data). The message is fixed text. API 422, a problem type per reason, without counts.
 */
public final class StatisticalExtractRefusedException extends RegistrationException {
    private final RefusalReason reason;
    private final transient RiskReport report;

    public StatisticalExtractRefusedException(RefusalReason reason, Optional<RiskReport> report) {
        super(message(Objects.requireNonNull(reason, "reason")));
        this.reason = reason;
        this.report = report.orElse(null);
    }

    public RefusalReason reason() {
        return reason;
    }

    public Optional<RiskReport> report() {
        return Optional.ofNullable(report);
    }

    private static String message(RefusalReason reason) {
        return switch (reason) {
            case TOO_FEW_RECORDS -> "the extract would have fewer records than k";
            case EXPECTED_REIDENTIFICATIONS_ABOVE_LIMIT ->
                    "no allowed treatment brings the extract's expected re-identifications within the limit";
        };
    }
}
