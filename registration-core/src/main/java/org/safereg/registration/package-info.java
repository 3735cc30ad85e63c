/**
 * The registration core: individuals, households, locations, versioned updates and the enrolment workflow over
 * PostgreSQL, with every personal value encrypted per subject and every personal-data operation decided by the
 * policy decision point and audited in a hash chain.
 *
 * <p>Public API: {@link org.safereg.registration.RegistrationCore} (wiring, the one entry point),
 * {@link org.safereg.registration.Migrations}, {@link org.safereg.registration.RequestContext}, the services in
 * {@code individuals}, {@code households}, {@code locations}, {@code keys}, {@code audit} and
 * {@code biometrics} ({@code IndividualService}, {@code HouseholdService}, {@code LocationService},
 * {@code KeyManagementService}, {@code AuditService}, {@code AuditVerifyCommand}, {@code BiometricService}), the request and response records of {@code model}, and the
 * {@link org.safereg.registration.RegistrationException} subclasses. Everything else (packages {@code storage},
 * {@code statistics}, and the public constructors and helper classes marked "internal") is wiring-internal:
 * obtain services from {@code RegistrationCore}, never construct them.
 */
package org.safereg.registration;
