package org.safereg.keys;

/** The subject's data keys were destroyed (crypto-shredded) or never existed: their data is unreadable. */
public class SubjectKeysDestroyedException extends RuntimeException {
    private final SubjectId subject;

    public SubjectKeysDestroyedException(SubjectId subject, DataCategory category) {
        super("no data key for the subject in category " + category);
        this.subject = subject;
    }

    public SubjectId subject() {
        return subject;
    }
}
