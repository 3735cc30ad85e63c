package org.safereg.privacy;

import org.safereg.keys.KekProvider;
import org.safereg.keys.SubjectId;

/**
 * Keyed pseudonyms of subjects: HMAC-SHA256 of the subject id under a secret derived from the key provider
 * per {@link PseudonymDomain} (label {@code pseudonym/<domain>}), 16 bytes. Thread-safe; microseconds.
 */
public final class Pseudonymizer {

    public Pseudonymizer(KekProvider kek) {
        throw new UnsupportedOperationException("TODO");
    }

    public Pseudonym of(PseudonymDomain domain, SubjectId subject) {
        throw new UnsupportedOperationException("TODO");
    }
}
