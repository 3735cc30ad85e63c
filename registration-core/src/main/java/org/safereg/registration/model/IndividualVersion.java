package org.safereg.registration.model;

import java.util.Objects;

/** One entry of an individual's history: the version's metadata and the details as they were then. */
public record IndividualVersion(VersionInfo info, IndividualDetails details) {
    public IndividualVersion {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(details, "details");
    }
}
