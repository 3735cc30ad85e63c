package org.safereg.registration.model;

/** Sex as recorded at registration. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
