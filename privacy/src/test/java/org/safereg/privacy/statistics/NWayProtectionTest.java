package org.safereg.privacy.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Suppression and audit in three and four dimensions, with a geography hierarchy. */
class NWayProtectionTest {

    @Test
    void singleSmallCellOfAThreeWayTableIsHiddenInACube() {
        Dimension sex = Dimension.flat("sex", "T", List.of("F", "M"));
        Dimension age = Dimension.flat("age", "T", List.of("child", "adult", "elder"));
        Dimension category = Dimension.flat("category", "T", List.of("IDP", "REF", "HOST"));
        CountTable.Builder b = CountTable.builder(List.of(sex, age, category));
        for (String s : List.of("F", "M")) {
            for (String a : List.of("child", "adult", "elder")) {
                for (String c : List.of("IDP", "REF", "HOST")) {
                    // adults and refugees are the smallest groups of at least k: the cheapest partners
                    long n = 60 - (a.equals("adult") ? 25 : 0) - (c.equals("REF") ? 20 : 0);
                    b.add(s.equals("F") && a.equals("child") && c.equals("IDP") ? 2 : n, s, a, c);
                }
            }
        }
        CountTable t = b.build();
        ProtectedTable p = new TableProtector(Profiles.rules(ProtectionProfile.PUBLIC)).protect(t);

        assertThat(p.pattern().countsByReason()).containsEntry(SuppressionReason.SMALL_COUNT, 1)
                .containsEntry(SuppressionReason.GROUP_DISCLOSURE, 0);
        Set<List<String>> cube = p.pattern().suppressedCells().keySet().stream().map(TableCell::codes)
                .collect(Collectors.toSet());
        Set<List<String>> expected = new java.util.HashSet<>();
        for (String s : List.of("F", "M")) {
            for (String a : List.of("child", "adult")) {
                for (String c : List.of("IDP", "REF")) {
                    expected.add(List.of(s, a, c));
                }
            }
        }
        // the cube through the primary hides it, but moves each complement by at most 2 on one side: more cells
        // give every complement its own +/- k. Sex has two categories, so [M,child,IDP] can rise by k only if
        // [F,child,IDP] falls by k or their total is withheld: it is
        assertThat(cube).containsAll(expected).hasSizeGreaterThan(expected.size());
        assertThat(p.pattern().isSuppressed(TableCell.of("T", "child", "IDP"))).isTrue();
        assertThat(p.pattern().isSuppressed(TableCell.of("T", "T", "T"))).isFalse();
        assertThat(SecondarySuppressionTest.recomputable(p.pattern())).isEmpty();
        CellInterval primary = p.audit().intervals().stream()
                .filter(i -> i.cell().equals(TableCell.of("F", "child", "IDP"))).findFirst().orElseThrow();
        assertThat(primary.lower()).isZero();
        assertThat(primary.upper()).isGreaterThanOrEqualTo(2 + 5);
        assertExactRangesConfirm(p.pattern(), p.audit());
    }

    @Test
    void fourWayHierarchicalTableIsProtectedForBothProfiles() {
        // 12 admin2 areas from a few hundred persons to several thousand: small cells everywhere, group
        // disclosure in the areas dominated by one category
        SyntheticPopulation population = new SyntheticPopulation(3, 4, 1.2, 3, 3, 7);
        CountTable t = population.tally(20_000, 8);
        for (ProtectionProfile profile : ProtectionProfile.values()) {
            ProtectedTable p = new TableProtector(Profiles.rules(profile)).protect(t);
            SuppressionPattern pattern = p.pattern();
            SuppressionPattern primary = PrimarySuppression.apply(t, Profiles.rules(profile));
            assertThat(primary.suppressedCells()).isNotEmpty();
            primary.suppressedCells().forEach((cell, reason) -> assertThat(pattern.reason(cell)).contains(reason));
            assertThat(primary.countsByReason().get(SuppressionReason.GROUP_DISCLOSURE)).isPositive();
            assertThat(SecondarySuppressionTest.recomputable(pattern)).isEmpty();
            assertThat(pattern.isSuppressed(TableCell.of("ALL", "T", "T", "T"))).isFalse();
            assertThat(p.audit().passed()).isTrue();
            assertThat(p.audit().intervals()).hasSize(pattern.suppressedCells().size());
            assertThat(new SuppressionAudit(Profiles.rules(profile)).audit(pattern).passed()).isTrue();
            assertExactRangesConfirm(pattern, p.audit());
            assertNoShareIsPinned(pattern, Profiles.rules(profile).groupDisclosureShare());
        }
    }

    /**
     * Independent check of the group-disclosure rule: for every withheld cell holding at least the share of a
     * sensitive line, the linear program over the whole table finds a consistent (real-valued) table in which it
     * holds less than the share.
     */
    static void assertNoShareIsPinned(SuppressionPattern pattern, double share) {
        CountTable t = pattern.table();
        ExactLp lp = new ExactLp(pattern, Set.of());
        int checked = 0;
        for (TableCell cell : pattern.suppressedCells().keySet()) {
            for (int total : SuppressionAudit.dominatedLines(t, t.index(cell), share)) {
                double margin = lp.minimum(Map.of(cell, 1.0, t.cell(total), -share));
                assertThat(margin).as("share of " + cell).isNegative();
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    /**
     * Independent check of the audit's claims: the exact linear-programming range of every withheld cell over
     * its whole connected component contains the interval the audit reported as attained, and meets the rule
     * ({@code +/- k}, the lower end floored at zero, for every withheld cell).
     */
    static void assertExactRangesConfirm(SuppressionPattern pattern, AuditReport report) {
        CountTable t = pattern.table();
        boolean[] withheld = new boolean[t.cellCount()];
        for (TableCell c : pattern.suppressedCells().keySet()) {
            withheld[t.index(c)] = true;
        }
        Map<Integer, List<Integer>> components = components(t, withheld);
        Map<Integer, LinearBounds> programs = new HashMap<>();
        for (CellInterval interval : report.intervals()) {
            int cell = t.index(interval.cell());
            List<Integer> component = components.get(cell);
            LinearBounds lp = programs.computeIfAbsent(component.get(0),
                    r -> new LinearBounds(t, withheld, component, LinearBounds.Kind.RESTRICTED));
            long[] range = lp.range(cell);
            assertThat(range[0]).as("lower of " + interval.cell()).isLessThanOrEqualTo(interval.lower());
            assertThat(range[1]).as("upper of " + interval.cell()).isGreaterThanOrEqualTo(interval.upper());
            long v = interval.value();
            assertThat(range[0]).as("lower of " + interval.cell()).isLessThanOrEqualTo(Math.max(0, v - report.k()));
            assertThat(range[1]).as("upper of " + interval.cell()).isGreaterThanOrEqualTo(v + report.k());
        }
    }

    /** For every withheld cell, the withheld cells linked to it through equations (itself first listed). */
    static Map<Integer, List<Integer>> components(CountTable t, boolean[] withheld) {
        Equations eqs = t.equations();
        Map<Integer, List<Integer>> out = new HashMap<>();
        for (int start = 0; start < withheld.length; start++) {
            if (!withheld[start] || out.containsKey(start)) {
                continue;
            }
            List<Integer> component = new ArrayList<>(List.of(start));
            out.put(start, component);
            for (int i = 0; i < component.size(); i++) {
                int c = component.get(i);
                for (int j = 0; j < eqs.degree(c); j++) {
                    int e = eqs.equationOf(c, j);
                    for (int m = 0; m < eqs.size(e); m++) {
                        int member = eqs.member(e, m);
                        if (withheld[member] && !out.containsKey(member)) {
                            out.put(member, component);
                            component.add(member);
                        }
                    }
                }
            }
        }
        return out;
    }
}
