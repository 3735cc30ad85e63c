package org.safereg.registration;

/**
 * The fingerprint gallery is not loaded yet (start-up) or its load failed, so no biometric enrolment, search or
 * verification can be answered correctly. Nothing was written. API: 503; retry when the health check reports
 * ready.
 */
public final class BiometricsNotReadyException extends RegistrationException {
    public BiometricsNotReadyException() {
        super("the fingerprint gallery is not loaded yet; retry when the server reports ready");
    }
}
