/**
 * Internal: encrypted persistence of individuals and households, blind indexes, idempotency records,
 * transactions. No public API; used by the services through {@link org.safereg.registration.RegistrationCore}.
 */
package org.safereg.registration.storage;
