/**
 * Pseudonymised microdata extracts (issue 6), pure computation with no database or HTTP.
 *
 * <p>Two independent parts. {@link org.safereg.privacy.statistics.extract.RecipientPseudonyms} gives each
 * recipient, per {@link org.safereg.privacy.statistics.extract.ExtractEpoch}, its own
 * {@link org.safereg.privacy.statistics.extract.ExtractPseudonym} for every person (keyed by the
 * KEK-protected secret, so unlinkable across recipients and epochs). The
 * {@link org.safereg.privacy.statistics.extract.MicrodataAnonymiser} takes
 * {@link org.safereg.privacy.statistics.extract.Microdata} (quasi-identifiers with their generalisation
 * hierarchies, and attributes carried through), chooses global generalisation levels and local suppression to
 * make it k-anonymous with the least information loss, and returns the
 * {@link org.safereg.privacy.statistics.extract.AnonymisedMicrodata} with a
 * {@link org.safereg.privacy.statistics.extract.RiskReport} in the style of sdcMicro, or refuses with an
 * {@link org.safereg.privacy.statistics.extract.ExtractRefusedException} when the
 * {@link org.safereg.privacy.statistics.extract.RiskLimits} cannot be met.
 */
package org.safereg.privacy.statistics.extract;
