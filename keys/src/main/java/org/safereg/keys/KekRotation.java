package org.safereg.keys;

/**
 * KEK rotation and re-wrap: {@link #rotate()} makes a new KEK version primary; {@link #rewrapBatch(int)}
 * moves wrapped data keys to it a batch at a time (resumable: each batch picks keys not yet at the primary
 * version, so a crash loses nothing); {@link #retire} drops an old version once no key uses it.
 * Runs while the server serves requests. Thread-safe.
 */
public final class KekRotation {

    /** Outcome of one batch. */
    public record Progress(KekVersion primary, int rewrapped, long remaining) {
        public boolean done() {
            return remaining == 0;
        }
    }

    public KekRotation(KekProvider kek, WrappedKeyRepository repository) {
        throw new UnsupportedOperationException("TODO");
    }

    public KekVersion rotate() {
        throw new UnsupportedOperationException("TODO");
    }

    public Progress rewrapBatch(int batchSize) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Re-wraps everything in batches until done; returns the final progress. */
    public Progress rewrapAll(int batchSize) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Retires {@code version}; throws {@link IllegalStateException} if any data key is still wrapped by it. */
    public void retire(KekVersion version) {
        throw new UnsupportedOperationException("TODO");
    }
}
