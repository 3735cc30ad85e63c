package org.safereg.registration.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safereg.matching.CandidateDepth;
import org.safereg.matching.SearchOptions;
import org.safereg.matching.SearchStrategy;

/** The options the core searches with, derived from the configured identification options per probe size. */
class FingerCountThresholdsTest {
    @Test
    void everyProbeSizeIsSearchedWithTheConfiguredStrategyAndDepth() {
        CandidateDepth depth = new CandidateDepth(0.2, 0.5, 300);
        for (SearchStrategy strategy : SearchStrategy.values()) {
            SearchOptions configured = BiometricSettings.defaults().withIdentification(
                    SearchOptions.identification().withStrategy(strategy).withDepth(depth)).identification();
            for (int fingers = 1; fingers <= 10; ++fingers) {
                SearchOptions searched = FingerCountThresholds.forFingers(configured, fingers);
                assertThat(searched.strategy()).as("%d fingers", fingers).isEqualTo(strategy);
                assertThat(searched.depth()).as("%d fingers", fingers).isEqualTo(depth);
            }
        }
    }

    @Test
    void thresholdsFollowTheProbeSize() {
        SearchOptions configured = SearchOptions.identification();
        assertThat(FingerCountThresholds.forFingers(configured, 2)).isSameAs(configured);
        assertThat(FingerCountThresholds.forFingers(configured, 1).threshold()).isLessThan(configured.threshold());
        assertThat(FingerCountThresholds.forFingers(configured, 4).threshold()).isGreaterThan(configured.threshold());
    }
}
