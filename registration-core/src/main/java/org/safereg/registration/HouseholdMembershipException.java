package org.safereg.registration;

/**
 * A household membership rule would be broken: the person is already in another active household, is not a
 * member of this household, is listed twice, or the change would leave the household without its head.
 * Nothing was written. API: 409.
 */
public final class HouseholdMembershipException extends RegistrationException {
    public HouseholdMembershipException(String message) {
        super(message);
    }
}
