package org.safereg.registration.biometrics;

import java.util.Objects;

/**
 * Load state of the in-memory fingerprint gallery (counts only, no personal data). Biometric enrolment,
 * verification and identification are refused until the state is {@link State#READY}.
 *
 * @param persons persons in the gallery now
 * @param fingers fingers in the gallery now
 * @param loadedPersons persons loaded by the current or last load
 * @param totalPersons persons with fingerprints in the database when the load started
 * @param failedPersons persons the last load could not load (a stored ciphertext failed authentication): an
 *                      integrity problem to investigate; they are not searchable
 * @param staleTemplates fingers whose stored template was made by another SourceAFIS version: the load
 *                       re-extracted them from the stored image in memory; run the re-extraction job to persist
 */
public record GalleryStatus(State state, int persons, long fingers, int loadedPersons, int totalPersons,
                            int failedPersons, int staleTemplates) {
    /** Load states. */
    public enum State {
        /** No load started yet. */
        NOT_LOADED,
        /** Loading from the database. */
        LOADING,
        /** Loaded: biometric operations are served. */
        READY,
        /** The load failed (database or key provider unavailable); load again. */
        FAILED
    }

    public GalleryStatus {
        Objects.requireNonNull(state, "state");
    }

    public boolean ready() {
        return state == State.READY;
    }
}
