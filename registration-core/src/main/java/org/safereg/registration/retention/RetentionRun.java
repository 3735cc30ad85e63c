package org.safereg.registration.retention;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.safereg.registration.rights.SignedErasureReceipt;

/** What a retention run erased, as of {@code asOf}: the subjects, why, and their signed erasure receipts. */
public record RetentionRun(Instant asOf, List<Erased> erased) {
    public RetentionRun {
        Objects.requireNonNull(asOf, "asOf");
        erased = List.copyOf(erased);
    }

    /** One erased subject. */
    public record Erased(RetentionCandidate candidate, SignedErasureReceipt receipt) {
        public Erased {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(receipt, "receipt");
        }
    }
}
