package org.safereg.registration.sharing;

import java.util.List;
import java.util.Objects;

/** A completed transfer: its record and the subjects' data as sent (withheld subjects are not in the list). */
public record TransferResult(TransferRecord transfer, List<TransferredSubject> subjects) {
    public TransferResult {
        Objects.requireNonNull(transfer, "transfer");
        subjects = List.copyOf(subjects);
    }
}
