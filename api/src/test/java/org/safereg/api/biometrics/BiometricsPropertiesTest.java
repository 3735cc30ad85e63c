package org.safereg.api.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safereg.matching.CandidateDepth;
import org.safereg.matching.ExtractionLimits;
import org.safereg.matching.QualityThresholds;
import org.safereg.matching.ScoreFusion;
import org.safereg.matching.SearchOptions;
import org.safereg.matching.SearchStrategy;
import org.safereg.registration.biometrics.BiometricSettings;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Binding of {@code registry.biometrics.*} and the core settings made from it. */
class BiometricsPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(BiometricsConfiguration.class);

    @Test
    void defaultsAreTheMatchingModulesMeasuredDefaults() {
        runner.run(context -> {
            BiometricsProperties p = context.getBean(BiometricsProperties.class);
            assertThat(p.maxRequestBody().toMegabytes()).isEqualTo(16);
            BiometricSettings settings = context.getBean(BiometricSettings.class);
            BiometricSettings defaults = BiometricSettings.defaults();
            assertThat(settings.limits()).hasToString(ExtractionLimits.defaults().toString());
            assertThat(settings.quality()).hasToString(QualityThresholds.defaults().toString());
            assertThat(settings.identification()).hasToString(SearchOptions.identification().toString());
            assertThat(settings.verification()).hasToString(SearchOptions.verification().toString());
            assertThat(settings.verificationRateLimit()).isEqualTo(defaults.verificationRateLimit());
            assertThat(settings.galleryParallelism()).isEqualTo(defaults.galleryParallelism());
            assertThat(settings.loadBatchSize()).isEqualTo(defaults.loadBatchSize());
            assertThat(settings.separateAdjudicator()).isTrue();
        });
    }

    @Test
    void valuesAreBoundAndInvalidOnesStopTheStart() {
        runner.withPropertyValues("registry.biometrics.identification-threshold=83",
                "registry.biometrics.fusion=MAX", "registry.biometrics.verification-rate-limit.max-attempts=3",
                "registry.biometrics.verification-rate-limit.window=1h", "registry.biometrics.limits.max-width=1024",
                "registry.biometrics.quality.min-minutiae=15", "registry.biometrics.gallery.parallelism=1",
                "registry.biometrics.search-strategy=BRUTE_FORCE", "registry.biometrics.candidate-depth-fraction=0.2",
                "registry.biometrics.candidate-depth-minimum=300",
                "registry.biometrics.candidate-depth-single-finger-fraction=0.5")
                .run(context -> {
                    BiometricSettings s = context.getBean(BiometricSettings.class);
                    assertThat(s.identification().threshold()).isEqualTo(83);
                    assertThat(s.identification().fusion()).isEqualTo(ScoreFusion.MAX);
                    assertThat(s.verificationRateLimit().maxAttempts()).isEqualTo(3);
                    assertThat(s.verificationRateLimit().window()).isEqualTo(Duration.ofHours(1));
                    assertThat(s.limits().maxWidth()).isEqualTo(1024);
                    assertThat(s.quality().minMinutiae()).isEqualTo(15);
                    assertThat(s.galleryParallelism()).isEqualTo(1);
                    assertThat(s.identification().strategy()).isEqualTo(SearchStrategy.BRUTE_FORCE);
                    assertThat(s.identification().depth()).isEqualTo(new CandidateDepth(0.2, 0.5, 300));
                });
        // Environment variables, as a deployment sets them (a source named like the system environment's).
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
                        "REGISTRY_BIOMETRICS_SEARCH_STRATEGY", "BRUTE_FORCE",
                        "REGISTRY_BIOMETRICS_CANDIDATE_DEPTH_FRACTION", "0.1")))).run(context -> {
                    BiometricSettings s = context.getBean(BiometricSettings.class);
                    assertThat(s.identification().strategy()).isEqualTo(SearchStrategy.BRUTE_FORCE);
                    assertThat(s.identification().depth()).isEqualTo(new CandidateDepth(0.1, 0.2, 1000));
                });
        runner.withPropertyValues("registry.biometrics.candidate-depth-fraction=0").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("candidateDepthFraction"));
        runner.withPropertyValues("registry.biometrics.search-strategy=SOMETIMES").run(context ->
                assertThat(context).hasFailed());
        runner.withPropertyValues("registry.biometrics.identification-threshold=-1").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("identification"));
        runner.withPropertyValues("registry.biometrics.limits.min-dpi=900", "registry.biometrics.limits.max-dpi=600")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("Inconsistent extraction limits"));
    }
}
