package org.safereg.registration;

/**
 * The idempotency key was already used by the same actor for a different request (or another operation).
 * Nothing was written. API: 422 (or 409).
 */
public final class IdempotencyConflictException extends RegistrationException {
    public IdempotencyConflictException() {
        super("the idempotency key was already used for a different request");
    }
}
