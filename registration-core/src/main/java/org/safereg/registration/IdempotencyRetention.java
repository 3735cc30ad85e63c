package org.safereg.registration;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.safereg.registration.storage.IdempotencyStore;
import org.safereg.registration.storage.Transactions;

/**
 * Retention of idempotency records: an enrolment's idempotency key (a keyed hash), its request fingerprint (a
 * keyed hash of the personal data sent) and the result id are kept so that a retried request returns the first
 * result; after the retention period they serve no purpose and are deleted by {@link #purge}, which the host
 * schedules (for example hourly). A retry after its record was purged is treated as a new request. Records of an
 * erased individual are deleted on erasure regardless.
 *
 * <p>No personal data is read, so a purge is neither policy-decided nor audited. Thread-safe; one DELETE per
 * call, in its own transaction.
 */
public final class IdempotencyRetention {
    /** The default retention: 7 days, far longer than any client's retry window. */
    public static final Duration DEFAULT = Duration.ofDays(7);

    private final IdempotencyStore store;
    private final Transactions transactions;
    private final Clock clock;

    /** Internal: obtain the instance from {@link RegistrationCore#idempotencyRetention()}. */
    public IdempotencyRetention(IdempotencyStore store, Transactions transactions, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Deletes the idempotency records older than {@code retention} (measured on the core's clock); returns how
     * many were deleted.
     *
     * @throws IllegalArgumentException {@code retention} is not positive
     */
    public int purge(Duration retention) {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the idempotency retention must be positive");
        }
        return transactions.inTransaction(() -> store.purgeCreatedBefore(clock.instant().minus(retention)));
    }

    /** {@link #purge(Duration)} with the {@link #DEFAULT} retention. */
    public int purge() {
        return purge(DEFAULT);
    }
}
