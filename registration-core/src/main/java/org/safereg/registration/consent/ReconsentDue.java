package org.safereg.registration.consent;

import java.time.YearMonth;
import java.util.Objects;
import org.safereg.keys.SubjectId;

/**
 * A child's consent record flags re-consent at majority: the subject must be asked again in {@code dueMonth}. Only
 * the month: the exact date (date of birth + 18 years) stays inside the encrypted consent record.
 */
public record ReconsentDue(SubjectId subject, YearMonth dueMonth) {
    public ReconsentDue {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(dueMonth, "dueMonth");
    }
}
