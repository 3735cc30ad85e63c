package org.safereg.privacy.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safereg.privacy.statistics.noise.Rational;
import org.safereg.privacy.statistics.noise.Seeded;

class NoisyTablesTest {
    private static void assertPublishable(CountTable published) {
        for (TableCell cell : published.cells()) {
            assertThat(published.count(cell)).as(cell.toString()).isNotNegative();
        }
        Equations eqs = published.equations();
        for (int e = 0; e < eqs.count(); e++) {
            long sum = 0;
            for (int i = 1; i < eqs.size(e); i++) {
                sum += published.count(eqs.member(e, i));
            }
            assertThat(sum).isEqualTo(published.count(eqs.member(e, 0)));
        }
    }

    @Test
    void releaseIsNonNegativeAdditiveAndChargesTheSpecsRho() {
        CountTable exact = new SyntheticPopulation(3, 4, 1.8, 3, 3, 7).tally(3_000, 8);
        NoiseSpec gaussian = NoiseSpec.discreteGaussian(Rational.of(8));
        NoiseSpec laplace = NoiseSpec.discreteLaplace(Rational.of(2));
        for (NoiseSpec spec : List.of(gaussian, laplace)) {
            NoisyTable release = NoisyTables.release(exact, spec, Seeded.random(1));
            CountTable published = release.published();
            assertThat(published.dimensions()).isEqualTo(exact.dimensions());
            assertThat(published.cellCount()).isEqualTo(exact.cellCount());
            assertPublishable(published);
            assertThat(release.spec()).isEqualTo(spec);
            assertThat(release.rho()).isEqualTo(spec.rho());
            assertThat(published.cells().stream().filter(c -> published.count(c) != exact.count(c)).count())
                    .isGreaterThan(exact.cellCount() / 2);
        }
        // discrete Gaussian: rho = 1 / (2 sigma^2); discrete Laplace: epsilon = 1/b, rho = epsilon^2 / 2
        assertThat(gaussian.rho().value()).isEqualTo(Rational.of(1, 16));
        assertThat(laplace.rho().value()).isEqualTo(Rational.of(1, 8));
    }

    @Test
    void emptyCellsOfThePublicKeySpaceGetNoiseToo() {
        Dimension sites = Dimension.flat("site", "ALL", List.of("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"));
        Dimension sex = Dimension.flat("sex", "T", List.of("F", "M"));
        CountTable.Builder b = CountTable.builder(List.of(sites, sex));
        for (String site : List.of("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8")) {
            b.add(100, site, "F");
        }
        CountTable exact = b.build();
        CountTable published = NoisyTables.release(exact, NoiseSpec.discreteGaussian(Rational.of(25)), Seeded.random(2))
                .published();
        assertPublishable(published);
        long nonZeroEmpty = exact.cells().stream()
                .filter(c -> exact.isLeaf(c) && exact.count(c) == 0 && published.count(c) > 0).count();
        // each M cell is empty: its noise survives the projection whenever it is positive (about half of them)
        assertThat(nonZeroEmpty).isPositive();
    }

    @Test
    void largeCountsAreUnbiasedWithTheNoiseVariance() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            codes.add("C" + i);
        }
        Dimension d = Dimension.flat("category", "T", codes);
        CountTable.Builder b = CountTable.builder(List.of(d));
        for (String c : codes) {
            b.add(1_000, c);
        }
        CountTable exact = b.build();
        NoiseSpec spec = NoiseSpec.discreteGaussian(Rational.of(9));
        CountTable published = NoisyTables.release(exact, spec, Seeded.random(3)).published();
        double sum = 0;
        double squares = 0;
        for (String c : codes) {
            long error = published.count(TableCell.of(c)) - 1_000;
            sum += error;
            squares += (double) error * error;
        }
        double mean = sum / codes.size();
        double variance = squares / codes.size() - mean * mean;
        assertThat(mean).isCloseTo(0.0, within(5 * 3 / Math.sqrt(codes.size())));
        assertThat(variance).isCloseTo(spec.variance(), within(5 * spec.variance() * Math.sqrt(2.0 / codes.size())));
        assertThat(published.count(TableCell.of("T"))).isEqualTo((long) (400_000 + sum));
    }

    @Test
    void totalsStayUnbiasedWhenMostLeavesAreEmpty() {
        // clamping each leaf at 0 would add about 0.8 per empty leaf (399 * 0.8 = 319) to the total; the
        // projection keeps the raw noisy total, whose standard deviation is sqrt(400 * 4) = 40
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            codes.add("C" + i);
        }
        CountTable exact = CountTable.builder(List.of(Dimension.flat("category", "T", codes)))
                .add(10_000, "C0").build();
        for (long seed = 10; seed < 15; seed++) {
            CountTable published = NoisyTables.release(exact, NoiseSpec.discreteGaussian(Rational.of(4)),
                    Seeded.random(seed)).published();
            assertPublishable(published);
            assertThat(published.count(TableCell.of("T"))).isCloseTo(10_000L, within(200L));
        }
    }

    @Test
    void projectionKeepsTheTotalAndChangesNothingWithoutNegatives() {
        SecureRandom r = Seeded.random(4);
        assertThat(NoisyTables.project(new long[] {3, 1, 0}, 4, r)).containsExactly(3, 1, 0);
        // tau = 1.5: (3.5, 0, 0.5) rounded by largest remainder with a random tie-break
        long[] y = NoisyTables.project(new long[] {5, -3, 2}, 4, r);
        assertThat(y[0] + y[1] + y[2]).isEqualTo(4);
        assertThat(y[1]).isZero();
        assertThat(y[0]).isBetween(3L, 4L);
        assertThat(NoisyTables.project(new long[] {-2, -5}, 3, r)).containsExactly(3, 0);
        assertThat(NoisyTables.project(new long[] {-2, 7}, 0, r)).containsExactly(0, 0);
    }

    @Test
    void sameSeedGivesTheSameRelease() {
        CountTable exact = new SyntheticPopulation(2, 3, 1.5, 2, 2, 5).tally(500, 6);
        NoiseSpec spec = NoiseSpec.discreteLaplace(Rational.of(3, 2));
        CountTable a = NoisyTables.release(exact, spec, Seeded.random(9)).published();
        CountTable b = NoisyTables.release(exact, spec, Seeded.random(9)).published();
        CountTable c = NoisyTables.release(exact, spec, Seeded.random(10)).published();
        assertThat(a.cells().stream().map(a::count).toList()).isEqualTo(b.cells().stream().map(b::count).toList());
        assertThat(a.cells().stream().map(a::count).toList()).isNotEqualTo(c.cells().stream().map(c::count).toList());
    }

    @Test
    void noiseSpecReportsItsVariance() {
        double q = Math.exp(-1 / 3.0);
        assertThat(NoiseSpec.discreteLaplace(Rational.of(3)).variance()).isCloseTo(2 * q / ((1 - q) * (1 - q)),
                within(1e-12));
        assertThat(NoiseSpec.discreteGaussian(Rational.of(9)).variance()).isCloseTo(9.0, within(1e-6));
        assertThat(NoiseSpec.discreteGaussian(Rational.of(1, 4)).variance()).isLessThan(0.25);
    }
}
