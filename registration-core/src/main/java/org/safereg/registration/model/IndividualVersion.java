package org.safereg.registration.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.safereg.privacy.PersonalField;

/**
 * One entry of an individual's history: the version's metadata and the details as they were then.
 *
 * @param visible the personal fields the caller may see (as {@link Individual#visible()})
 */
public record IndividualVersion(VersionInfo info, IndividualDetails details, Set<PersonalField> visible) {
    public IndividualVersion {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(details, "details");
        visible = visible.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(visible));
    }

    /** A version as stored, every field visible (internal: services return {@link #projectedTo} copies). */
    public IndividualVersion(VersionInfo info, IndividualDetails details) {
        this(info, details, EnumSet.allOf(PersonalField.class));
    }

    /** This version as a caller allowed {@code fields} may see it (as {@link Individual#projectedTo}). */
    public IndividualVersion projectedTo(Set<PersonalField> fields) {
        Set<PersonalField> narrowed = EnumSet.noneOf(PersonalField.class);
        visible.stream().filter(fields::contains).forEach(narrowed::add);
        return new IndividualVersion(info.projectedTo(narrowed), details.projectedTo(narrowed), narrowed);
    }
}
