/**
 * Disclosure control for aggregate count tables (issue 6), pure computation with no database or HTTP.
 *
 * <p>Pipeline: build a {@link org.safereg.privacy.statistics.CountTable} over one to six
 * {@link org.safereg.privacy.statistics.Dimension}s (every margin and hierarchy level is derived and
 * published); {@link org.safereg.privacy.statistics.TableProtector} applies primary suppression (small counts,
 * group disclosure on sensitive dimensions), secondary suppression over every equation by moves that prove
 * each sensitive cell's range, and the {@link org.safereg.privacy.statistics.SuppressionAudit} (witness
 * moves, then linear programming for what they leave unproven), widening until the audit passes, and returns
 * a {@link org.safereg.privacy.statistics.ProtectedTable}. Differential privacy instead of suppression:
 * {@link org.safereg.privacy.statistics.NoisyTables} with a {@link org.safereg.privacy.statistics.NoiseSpec};
 * the exact samplers and zCDP accounting live in {@code org.safereg.privacy.statistics.noise}.
 */
package org.safereg.privacy.statistics;
