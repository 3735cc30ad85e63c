package org.safereg.privacy.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrimarySuppressionTest {
    private static final long[][] COUNTS = {{10, 2, 30}, {7, 8, 9}, {0, 0, 12}, {20, 21, 22}, {1, 40, 3}};

    @Test
    void publicProfileSuppressesCountsBelowFiveButNotZeros() {
        CountTable t = Tables.table(Tables.geography(), Tables.category(), COUNTS);
        SuppressionPattern p = PrimarySuppression.apply(t, Profiles.rules(ProtectionProfile.PUBLIC));
        assertThat(p.reason(TableCell.of("A1-01", "REF"))).contains(SuppressionReason.SMALL_COUNT);
        assertThat(p.reason(TableCell.of("A2-02", "IDP"))).contains(SuppressionReason.SMALL_COUNT);
        assertThat(p.reason(TableCell.of("A2-02", "HOST"))).contains(SuppressionReason.SMALL_COUNT);
        assertThat(p.isSuppressed(TableCell.of("A1-03", "IDP"))).isFalse();
        assertThat(p.isSuppressed(TableCell.of("A1-02", "IDP"))).isFalse();
        assertThat(p.suppressedCells()).hasSize(3);
    }

    @Test
    void agreementProfileHasTheLowerThreshold() {
        CountTable t = Tables.table(Tables.geography(), Tables.category(), COUNTS);
        SuppressionPattern p = PrimarySuppression.apply(t, Profiles.rules(ProtectionProfile.AGREEMENT));
        assertThat(p.isSuppressed(TableCell.of("A1-01", "REF"))).isTrue();
        assertThat(p.isSuppressed(TableCell.of("A2-02", "HOST"))).isFalse();
        assertThat(p.countsByReason()).containsEntry(SuppressionReason.SMALL_COUNT, 2);
    }

    @Test
    void smallMarginsAreSuppressedToo() {
        CountTable t = Tables.table(Tables.geography(), Tables.category(),
                new long[][] {{1, 1, 1}, {7, 8, 9}, {5, 5, 5}, {20, 21, 22}, {6, 40, 6}});
        SuppressionPattern p = PrimarySuppression.apply(t, Profiles.rules(ProtectionProfile.AGREEMENT));
        assertThat(p.isSuppressed(TableCell.of("A1-01", "TOTAL"))).isFalse();
        p = PrimarySuppression.apply(t, Profiles.rules(ProtectionProfile.PUBLIC));
        assertThat(p.reason(TableCell.of("A1-01", "TOTAL"))).contains(SuppressionReason.SMALL_COUNT);
    }

    @Test
    void groupDisclosureSuppressesTheDominantCategoryOfASensitiveDimension() {
        Dimension needs = Tables.category().asSensitive();
        CountTable t = Tables.table(Tables.geography(), needs, COUNTS);
        SuppressionPattern p = PrimarySuppression.apply(t, Profiles.rules(ProtectionProfile.PUBLIC));
        // A1-03: all 12 persons are HOST: everyone's category is disclosed.
        assertThat(p.reason(TableCell.of("A1-03", "HOST"))).contains(SuppressionReason.GROUP_DISCLOSURE);
        // A2-02: 40 of 44 (91%) are REF: nearly all.
        assertThat(p.reason(TableCell.of("A2-02", "REF"))).contains(SuppressionReason.GROUP_DISCLOSURE);
        // A1-01: 30 of 42 (71%) is below the 90% share.
        assertThat(p.isSuppressed(TableCell.of("A1-01", "HOST"))).isFalse();
    }

    @Test
    void groupDisclosureShareIsConfigurable() {
        Dimension needs = Tables.category().asSensitive();
        CountTable t = Tables.table(Tables.geography(), needs, COUNTS);
        SuppressionPattern strict = PrimarySuppression.apply(t, new SuppressionRules(5, 1.0));
        assertThat(strict.isSuppressed(TableCell.of("A1-03", "HOST"))).isTrue();
        assertThat(strict.isSuppressed(TableCell.of("A2-02", "REF"))).isFalse();
        SuppressionPattern loose = PrimarySuppression.apply(t, new SuppressionRules(5, 0.7));
        assertThat(loose.reason(TableCell.of("A1-01", "HOST"))).contains(SuppressionReason.GROUP_DISCLOSURE);
    }

    @Test
    void nonSensitiveDimensionsHaveNoGroupDisclosureRule() {
        CountTable t = Tables.table(Tables.geography(), Tables.category(), COUNTS);
        SuppressionPattern p = PrimarySuppression.apply(t, Profiles.rules(ProtectionProfile.PUBLIC));
        assertThat(p.countsByReason()).containsEntry(SuppressionReason.GROUP_DISCLOSURE, 0);
        assertThat(List.copyOf(p.suppressedCells().values())).doesNotContain(SuppressionReason.GROUP_DISCLOSURE);
    }

    @Test
    void groupDisclosureLooksAlongEveryLineThroughTheSensitiveDimension() {
        Dimension sex = Dimension.flat("sex", "T", List.of("F", "M"));
        Dimension needs = Dimension.flat("needs", "ALL", List.of("none", "disability")).asSensitive();
        // S1: 20 women without and 2 with a disability, 6 men, all with a disability
        CountTable t = CountTable.builder(List.of(SecondarySuppressionTest.sites(), sex, needs))
                .add(20, "S1", "F", "none").add(2, "S1", "F", "disability").add(6, "S1", "M", "disability")
                .add(30, "S2", "F", "none").add(30, "S2", "M", "none").add(9, "S3", "M", "none")
                .build();
        SuppressionPattern p = PrimarySuppression.apply(t, Profiles.rules(ProtectionProfile.PUBLIC));
        // the line S1 x M: every man in S1 has a disability
        assertThat(p.reason(TableCell.of("S1", "M", "disability"))).contains(SuppressionReason.GROUP_DISCLOSURE);
        // lines with margins: all of S2 and all of S3 (either sex) are "none"
        assertThat(p.reason(TableCell.of("S2", "T", "none"))).contains(SuppressionReason.GROUP_DISCLOSURE);
        assertThat(p.reason(TableCell.of("S3", "T", "none"))).contains(SuppressionReason.GROUP_DISCLOSURE);
        assertThat(p.reason(TableCell.of("S3", "M", "none"))).contains(SuppressionReason.GROUP_DISCLOSURE);
        // S1 x T: 20 of 28 is below the share; S1 x F x disability is small
        assertThat(p.isSuppressed(TableCell.of("S1", "T", "none"))).isFalse();
        assertThat(p.reason(TableCell.of("S1", "F", "disability"))).contains(SuppressionReason.SMALL_COUNT);
        // the sex dimension is not sensitive: nobody is told "all women" along the sex lines
        assertThat(p.isSuppressed(TableCell.of("S3", "M", "ALL"))).isFalse();
    }
}
