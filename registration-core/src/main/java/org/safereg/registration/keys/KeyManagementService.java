package org.safereg.registration.keys;

import java.util.function.Consumer;
import org.safereg.keys.KekRotation;
import org.safereg.keys.KekVersion;
import org.safereg.registration.KekVersionInUseException;
import org.safereg.registration.RequestContext;

/**
 * KEK rotation, re-wrap of stored data keys, retirement of old KEK versions, and status. Every call is decided
 * by the policy decision point and audited with action {@code KEY_MANAGEMENT} (no subject). Re-wrap runs while
 * the server serves requests (compare-and-set per key, resumable). Thread-safe.
 */
public final class KeyManagementService {
    /** Audit action name of every call. */
    public static final String ACTION = "KEY_MANAGEMENT";

    KeyManagementService() {
    }

    /** Makes a new KEK version primary; new data keys are wrapped with it from now on. */
    public KekVersion rotate(RequestContext context) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Re-wraps up to {@code batchSize} (1..10000) data keys not yet at the primary version. */
    public KekRotation.Progress rewrapBatch(RequestContext context, int batchSize) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Re-wraps every data key in batches until none remains on an older version, reporting each batch to
     * {@code progress}; returns the total. Safe to interrupt and call again.
     */
    public KekRotation.Progress rewrapAll(RequestContext context, int batchSize, Consumer<KekRotation.Progress> progress) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Retires a KEK version once no stored data key uses it.
     *
     * @throws KekVersionInUseException keys still wrapped by it (re-wrap first), or it is the primary version
     */
    public void retire(RequestContext context, KekVersion version) {
        throw new UnsupportedOperationException("TODO");
    }

    /** KEK versions in use and how many data keys each wraps. */
    public KeyStatus status(RequestContext context) {
        throw new UnsupportedOperationException("TODO");
    }
}
