package org.safereg.registration.statistics;

/** How a table is protected before release. */
public enum ProtectionMethod {
    /** Primary and secondary cell suppression, checked by the LP audit; spends no privacy budget. */
    SUPPRESSION,
    /** Integer noise on every cell of the public key space; spends privacy budget (zCDP). */
    DIFFERENTIAL_PRIVACY
}
