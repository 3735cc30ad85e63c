package org.safereg.registration.statistics;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.safereg.privacy.statistics.CountTable;
import org.safereg.privacy.statistics.Dimension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts the statistical projection into a {@link CountTable} (internal): the database groups the population's
 * rows, less the excluded pseudonyms, by the columns the axes need (one row per distinct combination, not per
 * person), and each group is added to the leaf its axes map it to. For HOUSEHOLDS one row per household is kept
 * first (its head, else its first included member); the household size, when asked for, is the number of its
 * included members. The SQL is assembled from the axes' fixed expressions only; every value is a parameter. Runs
 * in the caller's transaction. Cost: one scan of the population's projection rows (plus a sort by household
 * for household sizes and units) and one pass over the groups.
 */
final class ProjectionTally {
    private ProjectionTally() {
    }

    /**
     * The start of a query over the population's included projection rows (also for extracts): {@code WITH
     * excluded ..., base AS (...)}, {@code base} being the rows of the population (parameter 2, an admin0 P-code)
     * less the excluded pseudonyms (parameter 1, a text array of lower-case hex), with {@code hh_size} (the
     * number of included members of the person's household, 1 without one) when an axis needs it.
     */
    static String included(List<Axis> axes) {
        boolean sizes = axes.stream().anyMatch(Axis::needsHouseholdSize);
        return "WITH excluded AS (SELECT decode(h, 'hex') AS p FROM unnest(?::text[]) AS e(h)),"
                + " base AS (SELECT s.*"
                + (sizes ? ", count(*) OVER (PARTITION BY coalesce(s.household_pseudonym, s.pseudonym)) AS hh_size" : "")
                + " FROM stat_projection s WHERE s.admin0_pcode = ?"
                + " AND NOT EXISTS (SELECT 1 FROM excluded x WHERE x.p = s.pseudonym))";
    }

    /**
     * @param excluded the STATISTICS pseudonyms (lower-case hex) of persons left out (consent withdrawn)
     */
    static CountTable count(JdbcClient jdbc, List<Axis> axes, StatisticalUnit unit, String population,
                            List<String> excluded) {
        List<String> columns = axes.stream().flatMap(a -> a.columns().stream()).toList();
        boolean households = unit == StatisticalUnit.HOUSEHOLDS;
        String groupBy = IntStream.rangeClosed(1, columns.size()).mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
        String sql = included(axes) + ","
                + (households
                        ? " units AS (SELECT DISTINCT ON (coalesce(household_pseudonym, pseudonym)) * FROM base"
                          + " ORDER BY coalesce(household_pseudonym, pseudonym), household_head DESC, pseudonym)"
                        : " units AS (SELECT * FROM base)")
                + " SELECT " + String.join(", ", columns) + ", count(*) FROM units u GROUP BY " + groupBy;
        List<Dimension> dimensions = axes.stream().map(Axis::tree).toList();
        CountTable.Builder table = CountTable.builder(dimensions);
        int width = columns.size();
        jdbc.sql(sql).params(excluded.toArray(String[]::new), population).query(rs -> {
            Object[] row = new Object[width];
            for (int i = 0; i < width; i++) {
                row[i] = rs.getObject(i + 1);
            }
            String[] leaf = new String[axes.size()];
            int at = 0;
            for (int i = 0; i < axes.size(); i++) {
                int n = axes.get(i).columns().size();
                Object[] values = new Object[n];
                System.arraycopy(row, at, values, 0, n);
                leaf[i] = axes.get(i).leaf(values);
                at += n;
            }
            table.add(rs.getLong(width + 1), leaf);
        });
        return table.build();
    }
}
