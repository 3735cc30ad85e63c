package org.safereg.api.biometrics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.safereg.matching.CandidateDepth;
import org.safereg.matching.ExtractionLimits;
import org.safereg.matching.PositionRule;
import org.safereg.matching.QualityThresholds;
import org.safereg.matching.ScoreFusion;
import org.safereg.matching.SearchOptions;
import org.safereg.matching.SearchStrategy;
import org.safereg.registration.biometrics.BiometricSettings;
import org.safereg.registration.biometrics.VerificationRateLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Biometric settings under the prefix {@code registry.biometrics} (docs/biometrics.md, "Configuration", explains
 * each value and its default). Bound and validated at start-up; an invalid value stops the server naming the
 * property. Immutable.
 *
 * @param maxRequestBody body limit of the {@code /api/v1/biometrics/**} routes (images travel base64-encoded in
 *     JSON, 4/3 of their size); checked before the body is read, like {@code registry.http.max-request-body}
 * @param identificationThreshold 1:N person-score threshold for a two-finger probe (deduplication at enrolment
 *     and identification); other finger counts are held to the same modelled false-match rate per person
 * @param verificationThreshold 1:1 threshold for a two-finger probe
 * @param searchStrategy 1:N searches (deduplication at enrolment and identification): INDEXED (cylinder index,
 *     then SourceAFIS on the best candidates) or BRUTE_FORCE (SourceAFIS on every enrolled person, the exact
 *     reference)
 * @param candidateDepthFraction share of the gallery's persons an INDEXED search with a probe of 2+ fingers passes
 *     to SourceAFIS, in (0, 1]
 * @param candidateDepthSingleFingerFraction the same share for single-finger probes, in (0, 1]
 * @param candidateDepthMinimum at least this many persons (smaller galleries are searched in full)
 * @param separateAdjudicator the officer who captured a registration may not decide its adjudication case
 */
@ConfigurationProperties("registry.biometrics")
@Validated
public record BiometricsProperties(
        @DefaultValue("16MB") @NotNull DataSize maxRequestBody,
        @DefaultValue("70") @DecimalMin("0") @DecimalMax("1000") double identificationThreshold,
        @DefaultValue("50") @DecimalMin("0") @DecimalMax("1000") double verificationThreshold,
        @DefaultValue("SUM") @NotNull ScoreFusion fusion,
        @DefaultValue("SAME_POSITION") @NotNull PositionRule positionRule,
        @DefaultValue("20") @Min(1) @Max(100) int maxCandidates,
        @DefaultValue("INDEXED") @NotNull SearchStrategy searchStrategy,
        @DefaultValue("0.03") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double candidateDepthFraction,
        @DefaultValue("0.2") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double candidateDepthSingleFingerFraction,
        @DefaultValue("1000") @Min(1) int candidateDepthMinimum,
        @Valid @DefaultValue RateLimit verificationRateLimit,
        @Valid @DefaultValue Limits limits,
        @Valid @DefaultValue Quality quality,
        @Valid @DefaultValue Gallery gallery,
        @DefaultValue("true") boolean separateAdjudicator) {

    /**
     * @param maxAttempts verifications allowed per person id within {@code window}
     */
    public record RateLimit(@DefaultValue("5") @Min(1) @Max(1000) int maxAttempts,
                            @DefaultValue("10m") @NotNull Duration window) {
    }

    /** Input limits checked before any image is decoded (the matching module's defaults). */
    public record Limits(@DefaultValue("8MB") @NotNull DataSize maxImageSize,
                         @DefaultValue("2048") @Min(96) @Max(16384) int maxWidth,
                         @DefaultValue("2048") @Min(96) @Max(16384) int maxHeight,
                         @DefaultValue("4194304") @Min(9216) long maxPixels,
                         @DefaultValue("96") @Min(16) int minWidth,
                         @DefaultValue("96") @Min(16) int minHeight,
                         @DefaultValue("250") @DecimalMin("50") double minDpi,
                         @DefaultValue("1200") @DecimalMax("5000") double maxDpi) {
    }

    /** The quality gate for new captures (docs/biometrics.md, "Quality gate", for the measurements). */
    public record Quality(@DefaultValue("12") @Min(0) int minMinutiae,
                          @DefaultValue("50") @DecimalMin("0") double minUsableAreaMm2,
                          @DefaultValue("6") @DecimalMin("0") double blankMaxStdDev,
                          @DefaultValue("0.6") @DecimalMin("0.01") @DecimalMax("1") double maxDarkFraction,
                          @DefaultValue("12") @DecimalMin("0") double blockMinStdDev,
                          @DefaultValue("0.3") @DecimalMin("0") @DecimalMax("1") double blockMinCoherence) {
    }

    /**
     * @param parallelism search threads (0 = one per processor)
     * @param loadBatchSize persons read per batch when loading the gallery at start-up
     * @param loadRetryInterval wait before retrying a failed load (database or key provider down)
     */
    public record Gallery(@DefaultValue("0") @Min(0) @Max(256) int parallelism,
                          @DefaultValue("500") @Min(1) @Max(10000) int loadBatchSize,
                          @DefaultValue("30s") @NotNull Duration loadRetryInterval) {
    }

    /** The core's settings; throws {@link IllegalArgumentException} for inconsistent limits. */
    public BiometricSettings toSettings() {
        SearchOptions identification = SearchOptions.identification().withThreshold(identificationThreshold)
                .withFusion(fusion).withPositionRule(positionRule).withMaxCandidates(maxCandidates)
                .withStrategy(searchStrategy).withDepth(new CandidateDepth(candidateDepthFraction,
                        candidateDepthSingleFingerFraction, candidateDepthMinimum));
        SearchOptions verification = SearchOptions.verification().withThreshold(verificationThreshold)
                .withFusion(fusion).withPositionRule(positionRule);
        ExtractionLimits extraction = ExtractionLimits.defaults()
                .withMaxBytes(Math.toIntExact(limits.maxImageSize().toBytes()))
                .withMaxDimensions(limits.maxWidth(), limits.maxHeight(), limits.maxPixels())
                .withMinDimensions(limits.minWidth(), limits.minHeight())
                .withDpiRange(limits.minDpi(), limits.maxDpi());
        QualityThresholds gate = QualityThresholds.defaults()
                .withMinMinutiae(quality.minMinutiae())
                .withMinUsableAreaMm2(quality.minUsableAreaMm2())
                .withBlankMaxStdDev(quality.blankMaxStdDev())
                .withMaxDarkFraction(quality.maxDarkFraction())
                .withBlockMinStdDev(quality.blockMinStdDev())
                .withBlockMinCoherence(quality.blockMinCoherence());
        int threads = gallery.parallelism() == 0 ? Runtime.getRuntime().availableProcessors() : gallery.parallelism();
        return new BiometricSettings(extraction, gate, identification, verification,
                new VerificationRateLimit(verificationRateLimit.maxAttempts(), verificationRateLimit.window()),
                threads, gallery.loadBatchSize(), separateAdjudicator);
    }
}
