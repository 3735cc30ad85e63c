package org.safereg.registration.model;

/** Whether a household is still in use. */
public enum HouseholdStatus {
    ACTIVE,
    /** Every member left or was erased. */
    DISSOLVED
}
