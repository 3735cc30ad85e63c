package org.safereg.registration.biometrics;

import java.util.Objects;
import org.safereg.matching.ExtractionLimits;
import org.safereg.matching.QualityThresholds;
import org.safereg.matching.SearchOptions;

/**
 * Configuration of the biometric workflow. Immutable; start from {@link #defaults()} and change values with the
 * {@code with*} methods.
 *
 * <p>Thresholds: the thresholds of {@code identification} and {@code verification} are stated for a probe of
 * <b>two fingers</b> (the calibration of {@link SearchOptions}' defaults, see docs/biometrics.md). A probe of
 * {@code k} fingers is searched at the threshold that gives the same modelled false-match probability per
 * person ({@link org.safereg.matching.Thresholds}), because with SUM fusion impostor sums grow with the number
 * of fingers: e.g. with the default 70 for two fingers (SUM), one finger is searched at 57.7, four at 90.1 and
 * ten at 138.9; the verification default 50 becomes 39.1 for one finger. Results report the threshold applied.
 *
 * @param limits input limits checked before any image is decoded
 * @param quality quality gate for new captures (re-extraction of stored images uses a permissive gate)
 * @param identification 1:N options for enrolment deduplication and identification (threshold for two fingers),
 *                       including the search strategy ({@link SearchOptions#strategy()}: cylinder index or brute
 *                       force) and the index's candidate depth ({@link SearchOptions#depth()}); both searches use
 *                       them for every probe size
 * @param verification 1:1 options (threshold for two fingers)
 * @param verificationRateLimit attempts per person id per window
 * @param galleryParallelism search threads of the gallery (1 = the caller's thread)
 * @param loadBatchSize persons read per batch when loading the gallery (1..10000)
 * @param separateAdjudicator when true (default) the officer who captured a registration may not decide its
 *                            adjudication case, even if they also hold the ADJUDICATOR role
 */
public record BiometricSettings(ExtractionLimits limits, QualityThresholds quality, SearchOptions identification,
                                SearchOptions verification, VerificationRateLimit verificationRateLimit,
                                int galleryParallelism, int loadBatchSize, boolean separateAdjudicator) {
    public BiometricSettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(identification, "identification");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(verificationRateLimit, "verificationRateLimit");
        if (galleryParallelism < 1) {
            throw new IllegalArgumentException("galleryParallelism must be at least 1");
        }
        if (loadBatchSize < 1 || loadBatchSize > 10_000) {
            throw new IllegalArgumentException("loadBatchSize must be between 1 and 10000");
        }
    }

    /**
     * The matching module's defaults (limits, quality gate, identification threshold 70 and verification 50 for
     * two fingers, SUM fusion, same position, indexed 1:N search passing 5% of the gallery, at least 1,000
     * persons, to SourceAFIS), 5 verifications per person per 10 minutes, one search thread per
     * processor, batches of 500 persons, separate adjudicator.
     */
    public static BiometricSettings defaults() {
        return new BiometricSettings(ExtractionLimits.defaults(), QualityThresholds.defaults(),
                SearchOptions.identification(), SearchOptions.verification(), VerificationRateLimit.defaults(),
                Runtime.getRuntime().availableProcessors(), 500, true);
    }

    public BiometricSettings withLimits(ExtractionLimits v) {
        return new BiometricSettings(v, quality, identification, verification, verificationRateLimit,
                galleryParallelism, loadBatchSize, separateAdjudicator);
    }

    public BiometricSettings withQuality(QualityThresholds v) {
        return new BiometricSettings(limits, v, identification, verification, verificationRateLimit,
                galleryParallelism, loadBatchSize, separateAdjudicator);
    }

    public BiometricSettings withIdentification(SearchOptions v) {
        return new BiometricSettings(limits, quality, v, verification, verificationRateLimit, galleryParallelism,
                loadBatchSize, separateAdjudicator);
    }

    public BiometricSettings withVerification(SearchOptions v) {
        return new BiometricSettings(limits, quality, identification, v, verificationRateLimit, galleryParallelism,
                loadBatchSize, separateAdjudicator);
    }

    public BiometricSettings withVerificationRateLimit(VerificationRateLimit v) {
        return new BiometricSettings(limits, quality, identification, verification, v, galleryParallelism,
                loadBatchSize, separateAdjudicator);
    }

    public BiometricSettings withGalleryParallelism(int v) {
        return new BiometricSettings(limits, quality, identification, verification, verificationRateLimit, v,
                loadBatchSize, separateAdjudicator);
    }

    public BiometricSettings withLoadBatchSize(int v) {
        return new BiometricSettings(limits, quality, identification, verification, verificationRateLimit,
                galleryParallelism, v, separateAdjudicator);
    }

    public BiometricSettings withSeparateAdjudicator(boolean v) {
        return new BiometricSettings(limits, quality, identification, verification, verificationRateLimit,
                galleryParallelism, loadBatchSize, v);
    }
}
