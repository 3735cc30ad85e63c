/**
 * Disclosure control for aggregate count tables (issue 6), pure computation with no database or HTTP.
 *
 * <p>Pipeline: build a {@link org.safereg.privacy.statistics.CountTable} over one to six
 * {@link org.safereg.privacy.statistics.Dimension}s (every margin and hierarchy level is derived and
 * published); {@link org.safereg.privacy.statistics.TableProtector} applies primary suppression (small counts,
 * group disclosure on sensitive dimensions, cells earlier releases withheld), secondary suppression over every
 * equation by moves that prove every withheld cell's range of {@code +/- k} (and, for a dominant category, a share
 * below the rule's), and the {@link org.safereg.privacy.statistics.SuppressionAudit} (witness moves, then linear
 * programming over the relaxation for ranges they leave unproven), widening until the audit passes, and returns
 * a {@link org.safereg.privacy.statistics.ProtectedTable} or throws
 * {@link org.safereg.privacy.statistics.TableProtectionException}. Earlier releases of the same population
 * are taken into account through {@link org.safereg.privacy.statistics.PriorReleases}. Differential privacy
 * instead of suppression: {@link org.safereg.privacy.statistics.NoisyTables} with a
 * {@link org.safereg.privacy.statistics.NoiseSpec}; the exact samplers and zCDP accounting live in
 * {@code org.safereg.privacy.statistics.noise}.
 */
package org.safereg.privacy.statistics;
