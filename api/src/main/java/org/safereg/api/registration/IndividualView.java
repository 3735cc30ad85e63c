package org.safereg.api.registration;

import java.time.Instant;
import java.util.UUID;
import org.safereg.registration.model.Individual;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.IndividualVersion;
import org.safereg.registration.model.VersionInfo;

/**
 * An individual as the API returns it: identifier, current version (pass {@code version} as
 * {@code expectedVersion} when updating), active household, and the decrypted details.
 */
public record IndividualView(UUID id, Instant registeredAt, int version, VersionView current, UUID household,
                             IndividualDetails details) {

    /** Who made a version, when and why (no reason for the first version). */
    public record VersionView(int version, String changedBy, Instant changedAt, String reason) {
        static VersionView of(VersionInfo info) {
            return new VersionView(info.version(), info.changedBy(), info.changedAt(), info.reason().orElse(null));
        }
    }

    /** One entry of the history: version metadata and the details as they were. */
    public record HistoryEntry(VersionView version, IndividualDetails details) {
        static HistoryEntry of(IndividualVersion v) {
            return new HistoryEntry(VersionView.of(v.info()), v.details());
        }
    }

    static IndividualView of(Individual i) {
        return new IndividualView(i.id().value(), i.registeredAt(), i.version(), VersionView.of(i.current()),
                i.household().map(h -> h.value()).orElse(null), i.details());
    }
}
