package org.safereg.registration.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.safereg.privacy.statistics.ProtectionProfile;
import org.safereg.privacy.statistics.noise.Rational;
import org.safereg.registration.model.SpecificNeed;

/** Bands, dimension names, budget periods, rationals and the defaults of statistical releases (no database). */
class StatisticsSettingsTest {

    @Test
    void bandsCoverEveryValueFromTheMinimumContiguouslyWithAnOpenLastBand() {
        IntegerBands ages = IntegerBands.parse("0-4,5-11,12-17,18-59,60+", 0);
        assertThat(ages.labels()).containsExactly("0-4", "5-11", "12-17", "18-59", "60+");
        assertThat(ages.bandOf(0).orElseThrow().label()).isEqualTo("0-4");
        assertThat(ages.bandOf(11).orElseThrow().label()).isEqualTo("5-11");
        assertThat(ages.bandOf(12).orElseThrow().label()).isEqualTo("12-17");
        assertThat(ages.bandOf(104).orElseThrow().label()).isEqualTo("60+");
        assertThat(ages.bandOf(-1)).isEmpty();
        IntegerBands sizes = IntegerBands.parse(" 1 , 2-3,4-6,7+", 1);
        assertThat(sizes.labels()).containsExactly("1", "2-3", "4-6", "7+");
        assertThat(sizes).hasToString("1,2-3,4-6,7+").isEqualTo(IntegerBands.parse("1,2-3,4-6,7+", 1));
        for (String bad : List.of("", "0-4,6-11,12+", "0-4,5-11", "0-4,4-11,12+", "0+,5+", "0-4,5-3,6+", "a-b",
                "0-4;5+", "1,2-3,4+", "0-4,,5+")) {
            assertThatThrownBy(() -> IntegerBands.parse(bad, 0)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void dimensionsAreNamedAndParsedIncludingOneSpecificNeedEach() {
        assertThat(StatisticalDimension.parse("admin2")).isEqualTo(StatisticalDimension.of(StatisticalDimension.Kind.ADMIN2));
        StatisticalDimension disability = StatisticalDimension.parse("SPECIFIC_NEED_DISABILITY");
        assertThat(disability.need()).contains(SpecificNeed.DISABILITY);
        assertThat(disability.name()).isEqualTo("SPECIFIC_NEED_DISABILITY");
        assertThat(disability.sensitive()).isTrue();
        assertThat(StatisticalDimension.parse("POPULATION_CATEGORY").sensitive()).isTrue();
        assertThat(StatisticalDimension.parse("SEX").sensitive()).isFalse();
        assertThat(StatisticalDimension.parse("ADMIN1").adminLevel()).isEqualTo(1);
        assertThat(StatisticalDimension.names()).contains("ADMIN1", "HOUSEHOLD_SIZE_BAND", "SPECIFIC_NEED_FAMILY_UNITY")
                .doesNotContain("SPECIFIC_NEED");
        for (String bad : List.of("SPECIFIC_NEED", "SPECIFIC_NEED_HUNGER", "EYE_COLOUR", "")) {
            assertThatThrownBy(() -> StatisticalDimension.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void specificationsKeepTheirInvariants() {
        StatisticalDimension admin1 = StatisticalDimension.parse("ADMIN1");
        StatisticalDimension admin2 = StatisticalDimension.parse("ADMIN2");
        assertThatThrownBy(() -> new TableSpecification(List.of(admin1, admin2), StatisticalUnit.PERSONS,
                ProtectionProfile.PUBLIC, Optional.empty(), "SO", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TableSpecification(List.of(admin1, admin1), StatisticalUnit.PERSONS,
                ProtectionProfile.PUBLIC, Optional.empty(), "SO", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TableSpecification(List.of(), StatisticalUnit.PERSONS,
                ProtectionProfile.PUBLIC, Optional.empty(), "SO", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        TableSpecification spec = new TableSpecification(List.of(StatisticalDimension.parse("SEX"), admin2),
                StatisticalUnit.HOUSEHOLDS, ProtectionProfile.AGREEMENT, Optional.empty(), "SO", Optional.empty());
        assertThat(spec.adminLevel()).isEqualTo(2);
        assertThat(spec.method()).isEqualTo(ProtectionMethod.SUPPRESSION);
    }

    @Test
    void budgetPeriodsAreUtcQuartersAndRationalsAreExact() {
        assertThat(BudgetPeriod.of(Instant.parse("2026-03-31T23:59:59Z"))).hasToString("2026-Q1");
        assertThat(BudgetPeriod.of(Instant.parse("2026-04-01T00:00:00Z"))).hasToString("2026-Q2");
        assertThat(BudgetPeriod.of(Instant.parse("2026-12-31T12:00:00Z"))).isEqualTo(BudgetPeriod.parse("2026-Q4"));
        assertThatThrownBy(() -> BudgetPeriod.parse("2026-Q5")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Rationals.parse("25/2")).isEqualTo(Rational.of(25, 2));
        assertThat(Rationals.parse("0.125")).isEqualTo(Rational.of(1, 8));
        assertThat(Rationals.parse("8")).isEqualTo(Rational.of(8));
        for (String bad : List.of("-1", "1/0", "1e-3", "x", "", "1/2/3")) {
            assertThatThrownBy(() -> Rationals.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(BudgetLedger.minus(Rational.of(1, 2), Rational.of(1, 3))).isEqualTo(Rational.of(1, 6));
        assertThat(BudgetLedger.minus(Rational.of(1, 3), Rational.of(1, 2))).isEqualTo(Rational.ZERO);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        StatisticsSettings d = StatisticsSettings.defaults();
        assertThat(d.ageBands()).hasToString("0-4,5-11,12-17,18-59,60+");
        assertThat(d.householdSizeBands()).hasToString("1,2-3,4-6,7+");
        assertThat(d.profile(ProtectionProfile.PUBLIC)).isEqualTo(new StatisticsSettings.ProfileSettings(5, 1));
        assertThat(d.profile(ProtectionProfile.AGREEMENT)).isEqualTo(new StatisticsSettings.ProfileSettings(3, 2));
        assertThat(d.groupDisclosureShare()).isEqualTo(0.9);
        assertThat(d.delta()).isEqualTo(1e-6);
        assertThatThrownBy(() -> new StatisticsSettings.ProfileSettings(1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StatisticsSettings.ProfileSettings(3, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
