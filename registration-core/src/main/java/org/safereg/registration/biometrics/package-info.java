/**
 * Biometric enrolment with 1:N deduplication, adjudication, 1:1 verification, 1:N identification, the in-memory
 * fingerprint gallery's load and the template re-extraction job: {@link
 * org.safereg.registration.biometrics.BiometricService} (from {@code RegistrationCore.biometrics()}), configured by
 * {@link org.safereg.registration.biometrics.BiometricSettings}, with small request and result records. Storage
 * ({@code FingerprintStore}, {@code AdjudicationStore}), the gallery loader, threshold adaptation and the
 * verification rate limiter are package-private. See docs/biometrics.md.
 */
package org.safereg.registration.biometrics;
