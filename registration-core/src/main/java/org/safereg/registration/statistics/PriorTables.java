package org.safereg.registration.statistics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.safereg.privacy.statistics.CountTable;
import org.safereg.privacy.statistics.PriorReleases;
import org.safereg.privacy.statistics.TableCell;
import org.safereg.registration.rights.CanonicalJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What earlier suppressed tables of a population published and withheld, mapped onto a new table's cells
 * (internal), so that tables audited one at a time cannot be recombined: a cell an earlier table withheld is
 * withheld again, and a cell an earlier table published is known (never a complement). Read from the register:
 * each earlier TABLE release with method SUPPRESSION of the same population (whatever its purpose, profile or
 * recipient: recipients may collude), its specification and its CSV with the {@code suppressed} flag.
 *
 * <p><b>Mapping.</b> A cell of any table is a count of the units with given codes on its dimensions, every other
 * characteristic free; so an earlier cell whose codes are {@value Axis#TOTAL} on every dimension the new table
 * lacks is the new table's cell with the same codes on the shared dimensions and {@value Axis#TOTAL} on the new
 * table's other dimensions (for example, an admin1 total of an ADMIN1 x SPECIFIC_NEED table is a cell of a one-way
 * ADMIN1 table, and conversely). ADMIN1 and ADMIN2 are one geographic dimension: an admin1 code is an inner node of
 * the ADMIN2 tree. This covers the two subset cases (the earlier dimensions within the new ones, or the reverse)
 * and any overlap. Tables are comparable only with the same unit and, for a shared dimension, the same coding: the
 * same age bands and reference year, household-size bands, or registration months; others are skipped, as are
 * codes the new table does not have (a catalogue change). A cell published by one earlier table and withheld by
 * another counts as published (the reader knows it). Differentially private tables are not read: their counts are
 * noisy, and mixing them with exact tables is a documented limit (docs/statistics.md).
 *
 * <p>Runs in the caller's transaction. Cost: one read of the population's earlier suppressed tables and a parse
 * of their CSVs (linear in their cells).
 */
final class PriorTables {
    private static final String GEOGRAPHY = "GEOGRAPHY";
    private static final List<String> CODINGS = List.of("ageBands", "householdSizeBands", "registrationMonths");

    private PriorTables() {
    }

    /**
     * @param specification the new table's specification as the manifest records it
     * @param table the new table
     */
    static PriorReleases of(JdbcClient jdbc, String population, Map<String, Object> specification,
                            CountTable table) {
        List<String> dimensions = names(specification.get("dimensions"));
        Set<TableCell> cells = new HashSet<>(table.cells());
        Set<TableCell> published = new HashSet<>();
        Set<TableCell> withheld = new HashSet<>();
        jdbc.sql("SELECT specification, csv FROM stat_release WHERE kind = 'TABLE' AND method = 'SUPPRESSION'"
                        + " AND population = ? ORDER BY created_at, id")
                .param(population)
                .query(rs -> {
                    JsonNode earlier = CanonicalJson.parse(rs.getString(1));
                    if (comparable(specification, earlier)) {
                        map(dimensions, earlier, new String(rs.getBytes(2), StandardCharsets.UTF_8), cells,
                                published, withheld);
                    }
                });
        withheld.removeAll(published);
        return new PriorReleases(published, withheld);
    }

    /** The same unit, and the same coding of every dimension both tables have. */
    private static boolean comparable(Map<String, Object> specification, JsonNode earlier) {
        if (!Objects.equals(specification.get("unit"), text(earlier, "unit"))) {
            return false;
        }
        for (String coding : CODINGS) {
            if (specification.containsKey(coding) && earlier.has(coding)
                    && !Objects.equals(specification.get(coding), text(earlier, coding))) {
                return false;
            }
        }
        boolean ages = names(specification.get("dimensions")).contains(StatisticalDimension.Kind.AGE_BAND.name());
        List<String> earlierDimensions = new ArrayList<>();
        earlier.get("dimensions").forEach(d -> earlierDimensions.add(d.asString()));
        return !(ages && earlierDimensions.contains(StatisticalDimension.Kind.AGE_BAND.name())
                && !Objects.equals(specification.get("referenceYear"), earlier.get("referenceYear").asLong()));
    }

    /** Adds the earlier table's cells that are cells of the new one to {@code published} or {@code withheld}. */
    private static void map(List<String> dimensions, JsonNode earlier, String csv, Set<TableCell> cells,
                            Set<TableCell> published, Set<TableCell> withheld) {
        List<String> earlierDimensions = new ArrayList<>();
        earlier.get("dimensions").forEach(d -> earlierDimensions.add(d.asString()));
        Map<String, Integer> earlierSlot = new HashMap<>();
        List<Integer> widths = new ArrayList<>();
        for (int i = 0; i < earlierDimensions.size(); i++) {
            earlierSlot.put(slot(earlierDimensions.get(i)), i);
            widths.add(earlierDimensions.get(i).equals(StatisticalDimension.Kind.ADMIN2.name()) ? 2 : 1);
        }
        int width = widths.stream().mapToInt(Integer::intValue).sum();
        String[] lines = csv.split("\r\n");
        for (int l = 2; l < lines.length; l++) {
            String[] values = lines[l].split(",", -1);
            String[] codes = new String[earlierDimensions.size()];
            int at = 0;
            for (int i = 0; i < codes.length; i++) {
                codes[i] = widths.get(i) == 2 ? admin2Code(values[at], values[at + 1]) : values[at];
                at += widths.get(i);
            }
            Set<String> covered = new HashSet<>();
            List<String> mapped = new ArrayList<>(dimensions.size());
            for (String d : dimensions) {
                String slot = slot(d);
                Integer i = earlierSlot.get(slot);
                mapped.add(i == null ? Axis.TOTAL : codes[i]);
                covered.add(slot);
            }
            boolean margin = true;
            for (Map.Entry<String, Integer> e : earlierSlot.entrySet()) {
                margin &= covered.contains(e.getKey()) || codes[e.getValue()].equals(Axis.TOTAL);
            }
            TableCell cell = new TableCell(mapped);
            if (margin && cells.contains(cell)) {
                ("1".equals(values[width + 1]) ? withheld : published).add(cell);
            }
        }
    }

    /** The tree code of an ADMIN2 row's two CSV values (see {@link Axis}). */
    private static String admin2Code(String admin1, String admin2) {
        if (admin2.equals(Axis.TOTAL) || admin1.equals(Axis.UNKNOWN)) {
            return admin1;
        }
        return admin2.equals(Axis.UNKNOWN) ? admin1 + "/" + Axis.UNKNOWN : admin2;
    }

    /** ADMIN1 and ADMIN2 share one slot: the geography. */
    private static String slot(String dimension) {
        return dimension.equals(StatisticalDimension.Kind.ADMIN1.name())
                || dimension.equals(StatisticalDimension.Kind.ADMIN2.name()) ? GEOGRAPHY : dimension;
    }

    private static List<String> names(Object dimensions) {
        List<String> names = new ArrayList<>();
        for (Object d : (List<?>) dimensions) {
            names.add((String) d);
        }
        return names;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : value.asString();
    }
}
