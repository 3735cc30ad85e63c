package org.safereg.registration.consent;

import java.time.LocalDate;
import java.util.Objects;
import org.safereg.keys.SubjectId;

/** A child's consent record flags re-consent at majority: the subject must be asked again from {@code dueOn}. */
public record ReconsentDue(SubjectId subject, LocalDate dueOn) {
    public ReconsentDue {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(dueOn, "dueOn");
    }
}
