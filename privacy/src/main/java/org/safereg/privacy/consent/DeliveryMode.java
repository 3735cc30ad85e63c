package org.safereg.privacy.consent;

/** How the notice was delivered to the person giving consent. */
public enum DeliveryMode {
    READ_ALOUD,
    PRINTED,
    PICTORIAL
}
