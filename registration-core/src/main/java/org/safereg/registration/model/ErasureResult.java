package org.safereg.registration.model;

import java.util.Objects;
import org.safereg.keys.SubjectId;
import org.safereg.registration.rights.SignedErasureReceipt;

/**
 * Result of erasing (crypto-shredding) an individual.
 *
 * @param keysDestroyed number of data keys destroyed (0 if the individual was already erased)
 * @param alreadyErased true if the individual had been erased before this call
 * @param receipt the signed receipt of the erasure (for an individual erased before, the receipt issued then)
 */
public record ErasureResult(SubjectId id, int keysDestroyed, boolean alreadyErased, SignedErasureReceipt receipt) {
    public ErasureResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receipt, "receipt");
    }
}
