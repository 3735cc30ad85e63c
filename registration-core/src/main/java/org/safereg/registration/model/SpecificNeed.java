package org.safereg.registration.model;

/** Specific needs (vulnerability) codes. */
public enum SpecificNeed {
    UNACCOMPANIED_CHILD,
    SEPARATED_CHILD,
    CHILD_AT_RISK,
    WOMAN_AT_RISK,
    DISABILITY,
    SERIOUS_MEDICAL_CONDITION,
    OLDER_PERSON_AT_RISK,
    SINGLE_PARENT,
    SURVIVOR_OF_VIOLENCE,
    SURVIVOR_OF_TORTURE,
    PREGNANT_OR_LACTATING,
    SPECIFIC_LEGAL_PROTECTION_NEED,
    FAMILY_UNITY
}
