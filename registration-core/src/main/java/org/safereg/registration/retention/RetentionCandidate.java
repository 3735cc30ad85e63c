package org.safereg.registration.retention;

import java.util.List;
import java.util.Objects;
import org.safereg.keys.SubjectId;

/** A subject the retention job erases: every recorded basis has ended, one entry per purpose. No personal data. */
public record RetentionCandidate(SubjectId subject, List<ExpiredBasis> bases) {
    public RetentionCandidate {
        Objects.requireNonNull(subject, "subject");
        bases = List.copyOf(bases);
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("a retention candidate has at least one ended basis");
        }
    }
}
