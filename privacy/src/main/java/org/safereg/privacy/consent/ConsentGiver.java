package org.safereg.privacy.consent;

/** Who gave (or refused) consent on the subject's behalf. */
public enum ConsentGiver {
    /** The subject themself. */
    SELF,
    /** A parent or legal guardian of a child or of an adult lacking capacity. */
    PARENT_OR_GUARDIAN,
    /** Another proxy (e.g. a head of household, a caregiver), named by reference. */
    OTHER_PROXY
}
