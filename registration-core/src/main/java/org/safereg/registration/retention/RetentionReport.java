package org.safereg.registration.retention;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the retention job erases (dry run) or erased (run), as of {@code asOf}: subject ids and why, no personal
 * data. Subjects in id order.
 */
public record RetentionReport(Instant asOf, List<RetentionCandidate> subjects) {
    public RetentionReport {
        Objects.requireNonNull(asOf, "asOf");
        subjects = List.copyOf(subjects);
    }
}
