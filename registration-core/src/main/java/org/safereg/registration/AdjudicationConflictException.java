package org.safereg.registration;

/**
 * An adjudication step does not fit the current state: the case is already decided or withdrawn, the new
 * registration is no longer pending, the chosen existing person is not an active registration, or the deciding
 * officer captured the registration themselves. Nothing was written. API: 409.
 */
public final class AdjudicationConflictException extends RegistrationException {
    public AdjudicationConflictException(String message) {
        super(message);
    }
}
