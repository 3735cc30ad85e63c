package org.safereg.registration.statistics;

/** What a table counts. */
public enum StatisticalUnit {
    /** Individuals: each active, included person counts once. */
    PERSONS,
    /**
     * Households: each distinct household counts once (a person in no household is a household of one),
     * described by its head's attributes (a household whose head was erased, or excluded, by one of its included
     * members); its size is the number of its included members.
     */
    HOUSEHOLDS
}
