package org.safereg.privacy;

/** What a request does with personal data; recorded in the audit trail. */
public enum Action {
    ENROL,
    READ,
    UPDATE,
    READ_HISTORY,
    SEARCH,
    LIST,
    HOUSEHOLD_CHANGE,
    ERASE,
    /** Read a subject's consent history (records, withdrawals, current standing per purpose). */
    CONSENT_READ,
    /** Record a new consent record for an enrolled subject (consent given, refused or updated later). */
    CONSENT_RECORD,
    /** Withdraw the subject's consent for one purpose, effective immediately. */
    CONSENT_WITHDRAW,
    /**
     * List the children whose consent must be asked again at majority (subject ids and due month only): by the
     * data protection officer under SUBJECT_REQUEST.
     */
    RECONSENT_REVIEW,
    AUDIT_VERIFY,
    /** Key management (KEK rotation, re-wrap, retirement) by the data protection officer. */
    KEY_MANAGEMENT,
    /** Capture fingerprints at enrolment: extraction, 1:N deduplication search, encrypted storage. */
    BIOMETRIC_ENROL,
    /** See the adjudication queue and a case (candidates and per-finger scores, no images). */
    ADJUDICATION_VIEW,
    /** Decide an adjudication case: DUPLICATE (link to the existing person) or DISTINCT (activate). */
    ADJUDICATION_DECIDE,
    /** See the fingerprint images of a case's subject and candidates, side by side. */
    BIOMETRIC_IMAGE_VIEW,
    /** 1:1 verification of a claimed person id against presented fingers. */
    BIOMETRIC_VERIFY,
    /** 1:N identification: presented fingers to ranked candidate person ids. */
    BIOMETRIC_IDENTIFY,
    /** Rebuild stored templates from stored images after a SourceAFIS upgrade. */
    BIOMETRIC_REEXTRACT,
    /**
     * Ask for vital-interest access to one subject without consent (break-glass), under the purpose declared;
     * decided without a subject basis (the point is that there is none). Only purposes that allow break-glass
     * cover it.
     */
    BREAK_GLASS_REQUEST,
    /** See pending break-glass requests and approve or reject one (a second user, never the requester). */
    BREAK_GLASS_APPROVE,
    /** The data protection officer lists approved break-glass grants awaiting review and records the outcome. */
    BREAK_GLASS_REVIEW,
    /** Append a protection case note to a subject (own data key and purpose: PROT.CASE_NOTES). */
    CASE_NOTE_WRITE,
    /** Read a subject's protection case notes. */
    CASE_NOTE_READ,
    /** Export everything held about one subject, with their disclosure list (interested-person access). */
    SUBJECT_EXPORT,
    /** List the records the retention job would erase, and why (subject ids only). */
    RETENTION_REVIEW,
    /**
     * Disclose personal data to a recipient outside the organisation (a partner system or a file export) under
     * a data-sharing agreement; each subject needs a basis for the purpose.
     */
    TRANSFER,
    /** Create, read and revoke data-sharing agreements (no personal data of subjects). */
    AGREEMENT_MANAGE,
    /**
     * Release an aggregate table from the statistical projection under disclosure control (suppression and LP
     * audit, or differential privacy charged to the budget ledger); no identified record is read or returned.
     */
    STATS_RELEASE,
    /** Read the CSV and the signed manifest of a registered statistical release. */
    STATS_RELEASE_READ,
    /** Release a pseudonymised, k-anonymous microdata extract to a recipient under an agreement. */
    STATS_EXTRACT,
    /** Read the privacy budget left per population and quarter. */
    STATS_BUDGET_READ,
    /** Set the privacy budget cap of a population and quarter (the data protection officer). */
    STATS_BUDGET_MANAGE,
    /** List the release register and verify a release's signature and digest (the data protection officer). */
    STATS_REGISTER
}
