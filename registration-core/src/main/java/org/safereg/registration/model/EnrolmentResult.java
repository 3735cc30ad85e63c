package org.safereg.registration.model;

import java.util.Objects;
import org.safereg.keys.SubjectId;

/**
 * Result of enrolling an individual.
 *
 * @param replayed true when an earlier request with the same idempotency key already created the record and this
 *                 call created nothing (API: 200 instead of 201)
 */
public record EnrolmentResult(SubjectId id, int version, boolean replayed) {
    public EnrolmentResult {
        Objects.requireNonNull(id, "id");
    }
}
