package org.safereg.privacy.statistics;

import java.util.List;

/** Hand-built test tables: geography Total &gt; admin1 &gt; admin2 by population category. */
final class Tables {
    private Tables() {}

    /** Total &gt; {A1 &gt; {A1-01, A1-02, A1-03}, A2 &gt; {A2-01, A2-02}}. */
    static Dimension geography() {
        return Dimension.builder("geography", "ALL")
                .add("A1", "ALL").add("A2", "ALL")
                .add("A1-01", "A1").add("A1-02", "A1").add("A1-03", "A1")
                .add("A2-01", "A2").add("A2-02", "A2")
                .build();
    }

    static Dimension category() {
        return Dimension.flat("category", "TOTAL", List.of("IDP", "REF", "HOST"));
    }

    /** Fills leaf rows in geography order with the given rows of category counts. */
    static CountTable table(Dimension rows, Dimension columns, long[][] leafCounts) {
        CountTable.Builder b = CountTable.builder(java.util.List.of(rows, columns));
        int i = 0;
        for (int r = 0; r < rows.size(); r++) {
            if (!rows.isLeaf(r)) {
                continue;
            }
            int j = 0;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.isLeaf(c)) {
                    b.add(leafCounts[i][j++], rows.code(r), columns.code(c));
                }
            }
            i++;
        }
        return b.build();
    }
}
