/**
 * Disclosure control for aggregate count tables (issue 6), pure computation with no database or HTTP.
 *
 * <p>Pipeline: build a {@link org.safereg.privacy.statistics.CountTable} over two
 * {@link org.safereg.privacy.statistics.Dimension}s (margins and hierarchy levels are derived and published);
 * {@link org.safereg.privacy.statistics.TableProtector} applies primary suppression (small counts, group
 * disclosure on sensitive dimensions), secondary suppression over every equation, and the
 * {@link org.safereg.privacy.statistics.SuppressionAudit} (linear programming), widening until the audit
 * passes, and returns a {@link org.safereg.privacy.statistics.ProtectedTable}. Differentially private noise
 * instead of suppression lives in {@code org.safereg.privacy.statistics.noise}.
 */
package org.safereg.privacy.statistics;
