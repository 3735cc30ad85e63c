/**
 * Request and response records of the registration services (immutable, thread-safe) and
 * {@link org.safereg.registration.model.IndividualValidator}, which checks field values with paths for
 * problem responses.
 */
package org.safereg.registration.model;
