/**
 * The tamper-evident audit trail in PostgreSQL, its verification (service and command line) and signed
 * checkpoints; {@code AccessGuard} (internal) enforces policy and audit around every personal-data operation.
 */
package org.safereg.registration.audit;
