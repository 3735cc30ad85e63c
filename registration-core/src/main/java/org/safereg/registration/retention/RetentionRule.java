package org.safereg.registration.retention;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.safereg.privacy.PurposeCatalogue;
import org.safereg.privacy.PurposeDefinition;
import org.safereg.privacy.consent.BasisRecord;
import org.safereg.privacy.consent.ConsentStatus;

/**
 * The retention rule, as a pure function: a subject's data may be kept while at least one purpose's latest
 * basis record is alive, that is GIVEN, within its validity ({@code validUntil} absent or later than now), and
 * within the purpose's retention period counted from when it was recorded ({@link PurposeDefinition#retention()};
 * a purpose without one, or unknown to the catalogue, sets no limit). A subject whose every latest record has
 * ended is erased. A subject with no basis record at all is never erased by this rule (nothing recorded has
 * ended: such records are for the DPO to review). Stateless; thread-safe.
 */
final class RetentionRule {
    private RetentionRule() {
    }

    /** The ended bases of a subject whose every latest basis has ended; empty if one is alive or none exists. */
    static Optional<List<ExpiredBasis>> evaluate(Collection<BasisRecord> latestPerPurpose, PurposeCatalogue catalogue,
                                                 Instant now) {
        if (latestPerPurpose.isEmpty()) {
            return Optional.empty();
        }
        List<ExpiredBasis> ended = new ArrayList<>();
        for (BasisRecord r : latestPerPurpose) {
            Optional<ExpiredBasis> end = ended(r, catalogue, now);
            if (end.isEmpty()) {
                return Optional.empty();
            }
            ended.add(end.get());
        }
        ended.sort(Comparator.comparing(e -> e.purpose().value()));
        return Optional.of(ended);
    }

    private static Optional<ExpiredBasis> ended(BasisRecord r, PurposeCatalogue catalogue, Instant now) {
        if (r.status() == ConsentStatus.WITHDRAWN || r.status() == ConsentStatus.REFUSED) {
            return Optional.of(new ExpiredBasis(r.purpose(), r.basis(), r.status(),
                    r.status() == ConsentStatus.WITHDRAWN ? ExpiredBasis.Reason.WITHDRAWN : ExpiredBasis.Reason.REFUSED,
                    r.recordedAt()));
        }
        if (r.validUntil().isPresent() && !r.validUntil().get().isAfter(now)) {
            return Optional.of(new ExpiredBasis(r.purpose(), r.basis(), r.status(), ExpiredBasis.Reason.VALIDITY_ENDED,
                    r.validUntil().get()));
        }
        Optional<Period> retention = catalogue.definition(r.purpose()).flatMap(PurposeDefinition::retention);
        if (retention.isPresent()) {
            Instant end = r.recordedAt().atOffset(ZoneOffset.UTC).plus(retention.get()).toInstant();
            if (!end.isAfter(now)) {
                return Optional.of(new ExpiredBasis(r.purpose(), r.basis(), r.status(),
                        ExpiredBasis.Reason.RETENTION_ENDED, end));
            }
        }
        return Optional.empty();
    }
}
