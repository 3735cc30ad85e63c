package org.safereg.privacy;

/** Roles of the people who use the server. */
public enum Role {
    REGISTRATION_OFFICER,
    PROTECTION_OFFICER,
    STATISTICIAN,
    DATA_PROTECTION_OFFICER,
    ADMIN
}
