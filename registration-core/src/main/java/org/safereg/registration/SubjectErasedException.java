package org.safereg.registration;

/**
 * The individual was erased (crypto-shredded): their data keys are destroyed and nothing about them can be
 * read any more. Every read path answers this rather than undecryptable bytes. API: 410 Gone.
 */
public final class SubjectErasedException extends RegistrationException {
    public SubjectErasedException() {
        super("the individual's data was erased");
    }
}
