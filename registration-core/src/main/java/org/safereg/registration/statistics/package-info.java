/**
 * Statistical release (issue 6): the pseudonymous statistical projection kept in step with the identified records
 * ({@link org.safereg.registration.statistics.StatisticsProjection}, internal), aggregate tables released from it
 * under disclosure control or differential privacy ({@link org.safereg.registration.statistics.StatisticsService}),
 * the privacy budget ledger and the signed release register
 * ({@link org.safereg.registration.statistics.ReleaseRegister}). The protection itself (suppression, LP audit,
 * noise) is the privacy module's {@code org.safereg.privacy.statistics}.
 */
package org.safereg.registration.statistics;
