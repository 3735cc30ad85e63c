package org.safereg.registration.statistics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safereg.privacy.statistics.extract.AnonymisedMicrodata;

/**
 * The CSV of a microdata extract (internal): a header row of column names, an HXL 1.1 hashtag row, then one row
 * per record in the extract's order. The first column is the recipient's pseudonym ({@code pseudonym},
 * {@code #meta+id}); then each field's columns as in table releases ({@link Axis}: {@code #adm1+code},
 * {@code #adm2+code}, {@code #meta+sex}, ...). A generalised value is written as its coarser code ({@value
 * Axis#TOTAL} when generalised to everything, e.g. {@code adm2_pcode} when only admin1 is kept); a suppressed value
 * is empty in all its columns (every field otherwise has a value: unknown ones are the explicit
 * {@value Axis#UNKNOWN}). UTF-8, CRLF line ends, no field needs quoting. Stateless.
 */
final class ExtractCsv {
    /** Header of the pseudonym column. */
    static final String PSEUDONYM = "pseudonym";

    private ExtractCsv() {
    }

    static byte[] write(List<Axis> axes, AnonymisedMicrodata extract) {
        List<String> headers = new ArrayList<>();
        List<String> hashtags = new ArrayList<>();
        headers.add(PSEUDONYM);
        hashtags.add("#meta+id");
        for (Axis a : axes) {
            headers.addAll(a.headers());
            hashtags.addAll(a.hashtags());
        }
        StringBuilder out = new StringBuilder(48 * (extract.size() + 2) * Math.max(1, axes.size()));
        ReleaseCsv.line(out, headers);
        ReleaseCsv.line(out, hashtags);
        List<String> row = new ArrayList<>(headers.size());
        for (int r = 0; r < extract.size(); r++) {
            row.clear();
            row.add(extract.attributes(r).get(0));
            for (int i = 0; i < axes.size(); i++) {
                Axis axis = axes.get(i);
                Optional<String> value = extract.value(r, i);
                if (value.isPresent()) {
                    row.addAll(axis.csvValues(value.get()));
                } else {
                    for (int c = 0; c < axis.headers().size(); c++) {
                        row.add("");
                    }
                }
            }
            ReleaseCsv.line(out, row);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
