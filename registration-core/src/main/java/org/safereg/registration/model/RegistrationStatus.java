package org.safereg.registration.model;

/**
 * Status of an individual's registration. Searches, lists and statistics see {@link #ACTIVE} registrations only.
 */
public enum RegistrationStatus {
    /** A registered person. */
    ACTIVE,
    /**
     * A biometric enrolment whose deduplication search found possible duplicates: it waits for an adjudicator.
     * Its fingers are in the gallery, so later enrolments of the same fingers find it.
     */
    PENDING_ADJUDICATION,
    /** Adjudicated as the same person as an existing registration (linked to it): never a second identity. */
    DUPLICATE,
    /** Erased by crypto-shredding. */
    ERASED
}
