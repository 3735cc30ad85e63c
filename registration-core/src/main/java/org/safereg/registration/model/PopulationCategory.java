package org.safereg.registration.model;

/** Population category (planning figures of humanitarian response). */
public enum PopulationCategory {
    IDP,
    RETURNEE,
    REFUGEE,
    ASYLUM_SEEKER,
    MIGRANT,
    HOST_COMMUNITY,
    OTHER
}
