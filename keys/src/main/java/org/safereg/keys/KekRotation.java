package org.safereg.keys;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * KEK rotation and re-wrap: {@link #rotate()} makes a new KEK version primary; {@link #rewrapBatch(int)}
 * moves wrapped data keys to it a batch at a time (resumable: each batch picks keys not yet at the primary
 * version, so a crash loses nothing); {@link #retire} drops an old version once no key uses it.
 *
 * <p>Runs while the server serves requests: each key is replaced by compare-and-set
 * ({@link WrappedKeyRepository#replace}), so a key re-wrapped or shredded concurrently is skipped, never
 * resurrected or overwritten. Thread-safe. A batch costs one {@link KekProvider#rewrapAll} call (Vault: one
 * {@code transit/rewrap} request per 250 keys; locally: one re-wrap per key) and one repository update per key.
 */
public final class KekRotation {

    /** Outcome of one batch: keys moved to {@code primary} in this batch and keys still on older versions. */
    public record Progress(KekVersion primary, int rewrapped, long remaining) {
        public boolean done() {
            return remaining == 0;
        }
    }

    private final KekProvider kek;
    private final WrappedKeyRepository repository;

    public KekRotation(KekProvider kek, WrappedKeyRepository repository) {
        this.kek = Objects.requireNonNull(kek, "kek");
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** Makes a new KEK version primary (see {@link KekProvider#rotate}). */
    public KekVersion rotate() {
        return kek.rotate();
    }

    /**
     * Re-wraps up to {@code batchSize} keys not at the primary version, in one {@link KekProvider#rewrapAll} call.
     * Throws {@link DecryptionFailedException} if a stored key does not unwrap (corrupt, or its version retired),
     * after storing the batch's other keys (kept unless the caller's transaction rolls back): such a key needs an
     * operator, the job does not skip it silently.
     */
    public Progress rewrapBatch(int batchSize) {
        return batch(batchSize).progress;
    }

    /** Re-wraps everything in batches until done; returns the final progress. */
    public Progress rewrapAll(int batchSize) {
        int total = 0;
        while (true) {
            Batch batch = batch(batchSize);
            total += batch.progress.rewrapped();
            if (batch.progress.done() || batch.candidates == 0) {
                return new Progress(batch.progress.primary(), total, batch.progress.remaining());
            }
        }
    }

    /** Retires {@code version}; throws {@link IllegalStateException} if any data key is still wrapped by it. */
    public void retire(KekVersion version) {
        if (version.equals(kek.primaryVersion())) {
            throw new IllegalArgumentException("cannot retire the primary KEK version " + version);
        }
        long stillWrapped = repository.countWrappedBy(version);
        if (stillWrapped > 0) {
            throw new IllegalStateException(stillWrapped + " data keys are still wrapped by KEK " + version
                    + ": re-wrap them first");
        }
        kek.retire(version);
    }

    private record Batch(Progress progress, int candidates) {
    }

    private Batch batch(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        KekVersion primary = kek.primaryVersion();
        List<WrappedKeyRepository.StoredKey> candidates = repository.findNotWrappedBy(primary, batchSize);
        List<Optional<WrappedKey>> moved = kek.rewrapAll(candidates);
        int rewrapped = 0;
        int failed = 0;
        for (int i = 0; i < candidates.size(); i++) {
            WrappedKeyRepository.StoredKey stored = candidates.get(i);
            if (moved.get(i).isEmpty()) {
                // A key changed (re-wrapped, shredded) since it was read may fail under a retired version: skip it.
                if (repository.find(stored.binding().subject(), stored.binding().category())
                        .filter(stored::equals).isPresent()) {
                    failed++;
                }
                continue;
            }
            if (repository.replace(stored, new WrappedKeyRepository.StoredKey(stored.binding(), moved.get(i).get()))) {
                rewrapped++;
            }
        }
        if (failed > 0) {
            throw new DecryptionFailedException(failed + " stored data key(s) in this batch do not unwrap (altered, or"
                    + " wrapped by a retired KEK version); the other keys of the batch were re-wrapped", null);
        }
        return new Batch(new Progress(primary, rewrapped, repository.countNotWrappedBy(primary)), candidates.size());
    }
}
