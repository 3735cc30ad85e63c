package org.safereg.registration.statistics;

import java.util.UUID;

/**
 * The outcome of verifying a registered release: the key provider's signature over the stored manifest bytes,
 * and the stored CSV against the digest the manifest (and the register row) name.
 *
 * @param keyId the signing key the signature names
 */
public record ReleaseVerification(UUID releaseId, boolean signatureValid, boolean csvDigestValid, String keyId) {
    /** Both checks passed. */
    public boolean valid() {
        return signatureValid && csvDigestValid;
    }
}
