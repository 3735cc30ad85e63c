package org.safereg.privacy;

import org.safereg.keys.DataCategory;

/**
 * A field of personal data the API can return, for data minimisation: each purpose names the fields it may
 * see, responses are projected to them, and data-sharing agreements list the fields a recipient may receive.
 * {@link #jsonName()} is the name of the field in API responses; {@link #category()} the data key it is
 * encrypted under.
 */
public enum PersonalField {
    REGISTRATION_METHOD("registrationMethod", DataCategory.DEMOGRAPHIC),
    NAMES("names", DataCategory.DEMOGRAPHIC),
    SEX("sex", DataCategory.DEMOGRAPHIC),
    BIRTH("birth", DataCategory.DEMOGRAPHIC),
    NATIONALITIES("nationalities", DataCategory.DEMOGRAPHIC),
    DOCUMENTS("documents", DataCategory.DEMOGRAPHIC),
    POPULATION_CATEGORY("populationCategory", DataCategory.DEMOGRAPHIC),
    LOCATION("location", DataCategory.DEMOGRAPHIC),
    SPECIFIC_NEEDS("specificNeeds", DataCategory.DEMOGRAPHIC),
    CONTACT("contact", DataCategory.DEMOGRAPHIC),
    /** Household membership: household id, relationship, household size. */
    HOUSEHOLD("household", DataCategory.DEMOGRAPHIC),
    /** Who changed a version and why (reasons may describe the person). */
    CHANGE_HISTORY("changes", DataCategory.DEMOGRAPHIC),
    /** Fingerprint captures: positions, quality, images and templates. */
    BIOMETRICS("biometrics", DataCategory.BIOMETRIC),
    /** Protection case notes: the most sensitive category, under a data key of its own. */
    CASE_NOTES("caseNotes", DataCategory.CASE_NOTES);

    private final String jsonName;
    private final DataCategory category;

    PersonalField(String jsonName, DataCategory category) {
        this.jsonName = jsonName;
        this.category = category;
    }

    /** The field's name in API responses. */
    public String jsonName() {
        return jsonName;
    }

    /** The data category (and so the per-subject data key) the field is encrypted under. */
    public DataCategory category() {
        return category;
    }
}
