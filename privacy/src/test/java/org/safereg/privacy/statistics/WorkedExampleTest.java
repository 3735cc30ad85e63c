package org.safereg.privacy.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The worked example of docs/statistics.md: admin2 (under admin1) x sex, AGREEMENT profile (k = 3). */
class WorkedExampleTest {
    private static final List<String> SEXES = List.of("FEMALE", "MALE", "OTHER", "UNKNOWN");

    private static CountTable table() {
        Dimension geography = Dimension.builder("geography", "total")
                .add("SO11", "total").add("SO1101", "SO11").add("SO1102", "SO11").add("SO11/unknown", "SO11")
                .add("SO12", "total").add("SO1201", "SO12").add("SO1202", "SO12").add("SO12/unknown", "SO12")
                .add("unknown", "total").build();
        CountTable.Builder b = CountTable.builder(List.of(geography, Dimension.flat("sex", "total", SEXES)));
        Map<String, long[]> districts = Map.of("SO1101", new long[] {14, 9, 0, 0}, "SO1102", new long[] {2, 7, 0, 0},
                "SO1201", new long[] {8, 11, 0, 0}, "SO1202", new long[] {6, 5, 0, 1});
        for (String area : List.of("SO1101", "SO1102", "SO11/unknown", "SO1201", "SO1202", "SO12/unknown", "unknown")) {
            long[] counts = districts.getOrDefault(area, new long[4]);
            for (int i = 0; i < SEXES.size(); i++) {
                b.add(counts[i], area, SEXES.get(i));
            }
        }
        return b.build();
    }

    @Test
    void theDocumentedCellsAreWithheldAndEachIsUncertainByK() {
        CountTable t = table();
        ProtectedTable p = new TableProtector(new SuppressionRules(3, SuppressionRules.DEFAULT_GROUP_DISCLOSURE_SHARE))
                .protect(t);
        Set<TableCell> expected = new HashSet<>();
        for (String area : List.of("SO11", "SO1101", "SO1102", "SO12", "SO1201", "SO1202", "total")) {
            expected.add(TableCell.of(area, "FEMALE"));
            expected.add(TableCell.of(area, "MALE"));
        }
        expected.addAll(List.of(TableCell.of("SO1101", "total"), TableCell.of("SO1102", "total"),
                TableCell.of("SO12", "UNKNOWN"), TableCell.of("SO1202", "UNKNOWN"), TableCell.of("total", "UNKNOWN")));
        assertThat(p.pattern().suppressedCells().keySet()).isEqualTo(expected);
        assertThat(p.pattern().countsByReason()).containsEntry(SuppressionReason.SMALL_COUNT, 4)
                .containsEntry(SuppressionReason.COMPLEMENTARY, 15);
        assertThat(p.timings().repairRounds()).isZero();
        NWayProtectionTest.assertExactRangesConfirm(p.pattern(), p.audit());
        // the values the document quotes: each attained by a table consistent with the release
        Map<TableCell, long[]> quoted = Map.of(
                TableCell.of("SO1102", "FEMALE"), new long[] {0, 9},
                TableCell.of("SO1202", "UNKNOWN"), new long[] {0, 7},
                TableCell.of("SO12", "UNKNOWN"), new long[] {0, 7},
                TableCell.of("total", "UNKNOWN"), new long[] {0, 7},
                TableCell.of("SO1102", "MALE"), new long[] {0, 10},
                TableCell.of("SO1101", "total"), new long[] {20, 26},
                TableCell.of("total", "FEMALE"), new long[] {24, 33});
        for (CellInterval i : p.audit().intervals()) {
            if (quoted.containsKey(i.cell())) {
                assertThat(new long[] {i.lower(), i.upper()}).as(i.cell().toString())
                        .containsExactly(quoted.get(i.cell()));
                assertThat(i.bounds()).isEqualTo(CellInterval.Bounds.ATTAINED);
            }
        }
    }
}
