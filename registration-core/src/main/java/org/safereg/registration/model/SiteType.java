package org.safereg.registration.model;

/** Type of a site where people are registered or live. */
public enum SiteType {
    CAMP_OR_SITE,
    TRANSIT_POINT,
    PLACE_OF_RESETTLEMENT,
    HOST_COMMUNITY,
    BORDER_CROSSING_POINT
}
