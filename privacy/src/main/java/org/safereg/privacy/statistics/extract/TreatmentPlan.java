package org.safereg.privacy.statistics.extract;

import java.util.Map;

/**
 * One candidate treatment found by {@link TreatmentSearch}: a generalisation level per quasi-identifier, the
 * suppression pattern (bit set of quasi-identifiers) of each generalised class that got one, and how many
 * records of a published class are moved into the all-suppressed class to bring it up to {@code k}.
 *
 * @param levels level per quasi-identifier
 * @param suppressionByClass generalised key to suppression pattern; classes not listed are published as they are
 * @param movedToAllSuppressed published key to the number of its records (first in input order) suppressed
 *     entirely
 * @param loss weighted information loss (the moves estimated from their class's average)
 * @param classes equivalence classes of the result
 */
record TreatmentPlan(int[] levels, Map<Long, Integer> suppressionByClass, Map<Long, Long> movedToAllSuppressed,
                     double loss, long classes) {
}
