package org.safereg.privacy.statistics.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.safereg.privacy.statistics.Dimension;

class MicrodataAnonymiserTest {
    static final Dimension SEX = Dimension.flat("sex", "ALL", List.of("F", "M"));
    static final Dimension AGE = Dimension.builder("age", "ALL")
            .add("child", "ALL").add("adult", "ALL")
            .add("0-4", "child").add("5-17", "child").add("18-59", "adult").add("60+", "adult")
            .build();
    static final Dimension REGION = Dimension.builder("region", "SO")
            .add("R1", "SO").add("R2", "SO")
            .add("A", "R1").add("B", "R1").add("C", "R2").add("D", "R2")
            .build();
    static final RiskLimits LENIENT = new RiskLimits(1.0, 1.0);

    private static List<QuasiIdentifier> all() {
        return List.of(QuasiIdentifier.of(SEX), QuasiIdentifier.of(AGE), QuasiIdentifier.of(REGION));
    }

    /** The hand-checked data set: classes of 4, 3, 2 and 1 records; attribute "id" numbers the records. */
    private static Microdata handBuilt(List<QuasiIdentifier> qis) {
        Microdata.Builder b = Microdata.builder(qis, List.of("id"));
        int id = 0;
        for (int i = 0; i < 4; i++) {
            b.add(List.of("F", "18-59", "A"), List.of("r" + id++));
        }
        for (int i = 0; i < 3; i++) {
            b.add(List.of("M", "18-59", "A"), List.of("r" + id++));
        }
        for (int i = 0; i < 2; i++) {
            b.add(List.of("F", "0-4", "B"), List.of("r" + id++));
        }
        b.add(List.of("M", "60+", "C"), List.of("r" + id));
        return b.build();
    }

    @Test
    void riskReportOfTheHandBuiltDataSetMatchesTheHandCount() {
        AnonymisedMicrodata extract = new MicrodataAnonymiser(ExtractRules.of(3, LENIENT)).anonymise(handBuilt(all()));
        RiskReport report = extract.report();

        RiskProfile before = report.before();
        assertThat(before.records()).isEqualTo(10);
        assertThat(before.recordsViolatingK()).isEqualTo(3);        // the class of 2 and the unique record
        assertThat(before.uniqueRecords()).isEqualTo(1);
        assertThat(before.equivalenceClasses()).isEqualTo(4);
        assertThat(before.expectedReidentifications()).isEqualTo(4.0); // 4 x 1/4 + 3 x 1/3 + 2 x 1/2 + 1
        assertThat(before.expectedReidentificationShare()).isEqualTo(0.4);
        // Ascending risks: 1/4 x4, 1/3 x3, 1/2 x2, 1 x1. Nearest rank: p50 -> 5th, p75 -> 8th, p90 -> 9th, p95 -> 10th.
        assertThat(before.quantiles()).containsExactly(
                new RiskQuantile(50, 3), new RiskQuantile(75, 2), new RiskQuantile(90, 2),
                new RiskQuantile(95, 1), new RiskQuantile(99, 1), new RiskQuantile(100, 1));
        assertThat(before.maxRisk()).isEqualTo(1.0);
        assertThat(before.histogram()).extracting(RiskBin::records).containsExactly(1L, 2L, 7L, 0L, 0L, 0L, 0L, 0L);
        assertThat(before.histogram()).extracting(RiskBin::classes).containsExactly(1L, 1L, 2L, 0L, 0L, 0L, 0L, 0L);

        // Cheapest: no generalisation (any level costs at least 5 of the 30 value units); the three records of the
        // small classes share no field pattern below "all", so they are published with every field missing.
        assertThat(extract.levels()).containsExactly(0, 0, 0);
        RiskProfile after = report.after();
        assertThat(after.recordsViolatingK()).isZero();
        assertThat(after.equivalenceClasses()).isEqualTo(3);
        assertThat(after.quantiles()).containsExactly(
                new RiskQuantile(50, 3), new RiskQuantile(75, 3), new RiskQuantile(90, 3),
                new RiskQuantile(95, 3), new RiskQuantile(99, 3), new RiskQuantile(100, 3));
        assertThat(after.maxRisk()).isEqualTo(1.0 / 3);
        InformationLoss loss = report.loss();
        assertThat(loss.quasiIdentifiers()).containsExactly(
                new QuasiIdentifierTreatment("sex", 0, 1, 0, 3),
                new QuasiIdentifierTreatment("age", 0, 2, 0, 3),
                new QuasiIdentifierTreatment("region", 0, 2, 0, 3));
        assertThat(loss.valuesSuppressed()).isEqualTo(9);
        assertThat(loss.recordsWithSuppression()).isEqualTo(3);
        assertThat(loss.lossShare()).isCloseTo(9.0 / 30, within(1e-12));
        // Evaluated: (0,0,0) with loss 9, then the two combinations whose generalisation costs 5 (age or region one
        // level up, 12.5 each); the next bound is 10 >= 9.
        assertThat(report.levelCombinationsEvaluated()).isEqualTo(3);

        for (int r = 7; r < 10; r++) {
            assertThat(List.of(extract.value(r, 0), extract.value(r, 1), extract.value(r, 2)))
                    .containsOnly(Optional.empty());
        }
        assertThat(extract.value(0, 1)).contains("18-59");
        assertThat(extract.attributes(9)).containsExactly("r9");
    }

    @Test
    void generalisesInsteadWhenTheRiskLimitAsksForFewerClasses() {
        // At most 2 classes for 10 records: sex to the root merges F/M 18-59 A into 7; the other 3 are suppressed.
        AnonymisedMicrodata extract =
                new MicrodataAnonymiser(ExtractRules.of(3, new RiskLimits(1.0, 0.25))).anonymise(handBuilt(all()));

        assertThat(extract.report().after().equivalenceClasses()).isLessThanOrEqualTo(2);
        assertThat(extract.report().after().expectedReidentificationShare()).isLessThanOrEqualTo(0.25);
        assertKAnonymous(extract, 3);
    }

    @Test
    void refusesWhenNoAllowedTreatmentMeetsTheRiskLimit() {
        // Sex may not be generalised and region and age only one level: every allowed treatment leaves 3 classes
        // (F 18-59 A, M 18-59 A or their generalisations, and the suppressed rest): share 0.3 > 0.1.
        List<QuasiIdentifier> qis = List.of(QuasiIdentifier.of(SEX).withLevels(0, 0),
                QuasiIdentifier.of(AGE).withLevels(0, 1), QuasiIdentifier.of(REGION).withLevels(0, 1));
        MicrodataAnonymiser anonymiser = new MicrodataAnonymiser(ExtractRules.of(3, new RiskLimits(1.0, 0.1)));

        assertThatThrownBy(() -> anonymiser.anonymise(handBuilt(qis)))
                .isInstanceOfSatisfying(ExtractRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefusalReason.EXPECTED_REIDENTIFICATIONS_ABOVE_LIMIT);
                    assertThat(e.getMessage()).isEqualTo("extract refused: EXPECTED_REIDENTIFICATIONS_ABOVE_LIMIT");
                    RiskReport report = e.report().orElseThrow();
                    assertThat(report.after().expectedReidentificationShare()).isEqualTo(0.3);
                    assertThat(report.after().recordsViolatingK()).isZero();
                    assertThat(report.levelCombinationsEvaluated()).isEqualTo(4);
                });
    }

    @Test
    void refusesFewerRecordsThanKAndTheIndividualRiskLimitRaisesK() {
        Microdata two = Microdata.builder(all(), List.of())
                .add(List.of("F", "0-4", "A"), List.of()).add(List.of("F", "0-4", "A"), List.of()).build();

        assertThatThrownBy(() -> new MicrodataAnonymiser(ExtractRules.of(3, LENIENT)).anonymise(two))
                .isInstanceOfSatisfying(ExtractRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefusalReason.TOO_FEW_RECORDS);
                    assertThat(e.report()).isEmpty();
                });
        ExtractRules rules = ExtractRules.of(3, new RiskLimits(0.2, 1.0));
        assertThat(rules.effectiveK()).isEqualTo(5);
        AnonymisedMicrodata extract = new MicrodataAnonymiser(rules).anonymise(handBuilt(all()));
        assertThat(extract.report().k()).isEqualTo(5);
        assertThat(extract.report().after().maxRisk()).isLessThanOrEqualTo(0.2);
        assertKAnonymous(extract, 5);
    }

    @Test
    void completesASmallSuppressedClassWithSurplusRecordsOrAWholeClass() {
        List<QuasiIdentifier> fixed = all().stream().map(qi -> qi.withLevels(0, 0)).toList();
        Microdata.Builder surplus = Microdata.builder(fixed, List.of("id"));
        for (int i = 0; i < 5; i++) {
            surplus.add(List.of("F", "18-59", "A"), List.of("f" + i));
        }
        surplus.add(List.of("M", "60+", "C"), List.of("m"));

        AnonymisedMicrodata padded = new MicrodataAnonymiser(ExtractRules.of(3, LENIENT)).anonymise(surplus.build());

        // The unique record plus the first two of the class of five become (missing, missing, missing).
        for (int r : new int[] {0, 1, 5}) {
            assertThat(padded.value(r, 0)).isEmpty();
            assertThat(padded.value(r, 2)).isEmpty();
        }
        for (int r = 2; r < 5; r++) {
            assertThat(padded.value(r, 2)).contains("A");
        }
        assertThat(padded.report().after().equivalenceClasses()).isEqualTo(2);
        assertKAnonymous(padded, 3);

        Microdata.Builder tight = Microdata.builder(fixed, List.of());
        for (int i = 0; i < 3; i++) {
            tight.add(List.of("F", "18-59", "A"), List.of());
        }
        tight.add(List.of("M", "60+", "C"), List.of());
        AnonymisedMicrodata dissolved = new MicrodataAnonymiser(ExtractRules.of(3, LENIENT)).anonymise(tight.build());

        assertThat(dissolved.report().after().equivalenceClasses()).isEqualTo(1);
        assertThat(dissolved.report().loss().valuesSuppressed()).isEqualTo(12);
        assertKAnonymous(dissolved, 3);
    }

    @Test
    void leavesAnAlreadyAnonymousExtractUntouched() {
        Microdata.Builder b = Microdata.builder(all(), List.of());
        for (int i = 0; i < 6; i++) {
            b.add(List.of(i % 2 == 0 ? "F" : "M", "5-17", "D"), List.of());
        }

        AnonymisedMicrodata extract = new MicrodataAnonymiser(ExtractRules.of(3, LENIENT)).anonymise(b.build());

        assertThat(extract.levels()).containsExactly(0, 0, 0);
        assertThat(extract.report().loss().lossShare()).isZero();
        assertThat(extract.report().levelCombinationsEvaluated()).isEqualTo(1);
        assertThat(extract.report().after()).isEqualTo(extract.report().before());
    }

    @Test
    void kAnonymityHoldsOnARandomDataSetWithMissingAsItsOwnCategoryAndFloorsRespected() {
        Dimension nationality = Dimension.flat("nationality", "ALL", List.of("SOM", "ETH", "KEN", "YEM", "ERI", "SDN"));
        List<QuasiIdentifier> qis = List.of(QuasiIdentifier.of(SEX), QuasiIdentifier.of(AGE).withWeight(2),
                QuasiIdentifier.of(REGION).withLevels(1, 2), QuasiIdentifier.of(nationality));
        String[] ages = {"0-4", "5-17", "18-59", "60+"};
        String[] leaves = {"A", "B", "C", "D"};
        String[] nationalities = {"SOM", "SOM", "SOM", "SOM", "ETH", "ETH", "KEN", "YEM", "ERI", "SDN"};
        Random random = new Random(42);
        Microdata.Builder b = Microdata.builder(qis, List.of("pseudonym"));
        List<List<String>> input = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            List<String> codes = List.of(random.nextBoolean() ? "F" : "M", ages[random.nextInt(4)],
                    leaves[random.nextInt(4)], nationalities[random.nextInt(nationalities.length)]);
            input.add(codes);
            b.add(codes, List.of("p" + i));
        }

        AnonymisedMicrodata extract = new MicrodataAnonymiser(ExtractRules.of(5, LENIENT)).anonymise(b.build());

        assertKAnonymous(extract, 5);
        assertThat(extract.report().before().recordsViolatingK()).isPositive();
        assertThat(extract.report().after().recordsViolatingK()).isZero();
        assertThat(extract.levels().get(2)).isGreaterThanOrEqualTo(1);
        for (int r = 0; r < extract.size(); r++) {
            assertThat(extract.attributes(r)).containsExactly("p" + r);
            for (int qi = 0; qi < qis.size(); qi++) {
                Dimension tree = qis.get(qi).hierarchy();
                Optional<String> published = extract.value(r, qi);
                if (published.isPresent()) {
                    assertThat(isAncestorOrSelf(tree, tree.node(published.get()), tree.node(input.get(r).get(qi))))
                            .isTrue();
                }
            }
            assertThat(extract.value(r, 2)).isNotIn(Optional.of("A"), Optional.of("B"), Optional.of("C"), Optional.of("D"));
        }
    }

    @Test
    void refusesASearchSpaceAboveTheBound() {
        MicrodataAnonymiser anonymiser = new MicrodataAnonymiser(new ExtractRules(3, LENIENT, 10));

        assertThatThrownBy(() -> anonymiser.anonymise(handBuilt(all()))).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean isAncestorOrSelf(Dimension tree, int ancestor, int node) {
        for (int n = node; n >= 0; n = tree.parent(n)) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Counts published combinations (a missing value being its own category) and checks each occurs >= k times. */
    private static void assertKAnonymous(AnonymisedMicrodata extract, int k) {
        Map<List<Optional<String>>, Integer> counts = new HashMap<>();
        for (int r = 0; r < extract.size(); r++) {
            List<Optional<String>> key = new ArrayList<>();
            for (int qi = 0; qi < extract.quasiIdentifierNames().size(); qi++) {
                key.add(extract.value(r, qi));
            }
            counts.merge(key, 1, Integer::sum);
        }
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(k));
        assertThat(extract.report().after().equivalenceClasses()).isEqualTo(counts.size());
    }
}
