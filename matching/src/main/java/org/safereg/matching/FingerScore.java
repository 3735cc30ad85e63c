package org.safereg.matching;

/**
 * Best score of one probe finger against one person.
 *
 * @param probePosition
 *            position of the probe finger
 * @param enrolledPosition
 *            position of the enrolled finger that gave the best score
 * @param score
 *            SourceAFIS similarity score (0 = no similarity; 40 is about FMR 0.01%)
 */
public record FingerScore(FingerPosition probePosition, FingerPosition enrolledPosition, double score) {
}
