package org.safereg.registration.statistics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.function.Predicate;
import org.safereg.privacy.statistics.TableCell;

/**
 * The CSV of a released table (internal), in long format: one row per published cell, margins included, in the
 * table's canonical order; a header row of column names, then an HXL hashtag row (Humanitarian Exchange Language
 * 1.1: {@code #adm1+code}, {@code #adm2+code}, {@code #loc+type}, {@code #country+code+nationality},
 * {@code #date+registered}, {@code #meta+...} for the other breakdowns, {@code #affected+ind} or
 * {@code #affected+hh} for the count), then the rows. Margins are written {@value Axis#TOTAL}. With suppression
 * a withheld cell has an empty count and {@code 1} in the {@code suppressed} column ({@code #meta+suppressed}),
 * which never says why (the reason would tell a small cell from a complement). UTF-8, CRLF line ends (RFC 4180),
 * no field needs quoting (codes only). Stateless.
 */
final class ReleaseCsv {
    private ReleaseCsv() {
    }

    /**
     * @param count the published count of a cell
     * @param suppressed whether a cell is withheld; null for a release without suppression (no flag column)
     */
    static byte[] write(List<Axis> axes, StatisticalUnit unit, List<TableCell> cells, ToLongFunction<TableCell> count,
                        Predicate<TableCell> suppressed) {
        List<String> headers = new ArrayList<>();
        List<String> hashtags = new ArrayList<>();
        for (Axis a : axes) {
            headers.addAll(a.headers());
            hashtags.addAll(a.hashtags());
        }
        boolean households = unit == StatisticalUnit.HOUSEHOLDS;
        headers.add(households ? "households" : "persons");
        hashtags.add(households ? "#affected+hh" : "#affected+ind");
        if (suppressed != null) {
            headers.add("suppressed");
            hashtags.add("#meta+suppressed");
        }
        StringBuilder out = new StringBuilder(64 * (cells.size() + 2));
        line(out, headers);
        line(out, hashtags);
        List<String> row = new ArrayList<>(headers.size());
        for (TableCell cell : cells) {
            row.clear();
            for (int i = 0; i < axes.size(); i++) {
                row.addAll(axes.get(i).csvValues(cell.codes().get(i)));
            }
            boolean withheld = suppressed != null && suppressed.test(cell);
            row.add(withheld ? "" : Long.toString(count.applyAsLong(cell)));
            if (suppressed != null) {
                row.add(withheld ? "1" : "0");
            }
            line(out, row);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends one CSV line (CRLF); refuses a value that would need quoting. Also used by {@link ExtractCsv}. */
    static void line(StringBuilder out, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                throw new IllegalStateException("a CSV value that needs quoting: codes never do");
            }
            out.append(v);
        }
        out.append("\r\n");
    }
}
