package org.safereg.registration.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who made a version, when and why.
 *
 * @param reason why the change was made; empty for the first version (enrolment)
 */
public record VersionInfo(int version, String changedBy, Instant changedAt, Optional<String> reason) {
    public VersionInfo {
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
        reason = Models.orEmpty(reason);
    }

    /** Without the reason unless {@code fields} has CHANGE_HISTORY (the API omits the author then too). */
    public VersionInfo projectedTo(java.util.Set<org.safereg.privacy.PersonalField> fields) {
        return fields.contains(org.safereg.privacy.PersonalField.CHANGE_HISTORY) ? this
                : new VersionInfo(version, changedBy, changedAt, Optional.empty());
    }
}
