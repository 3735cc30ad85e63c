package org.safereg.registration.model;

/** Type of an identity document. */
public enum DocumentType {
    PASSPORT,
    NATIONAL_ID,
    BIRTH_CERTIFICATE,
    REFUGEE_ID,
    ASYLUM_SEEKER_CERTIFICATE,
    TRAVEL_DOCUMENT,
    DRIVING_LICENCE,
    RESIDENCE_PERMIT,
    OTHER
}
