package org.safereg.registration.model;

import org.safereg.keys.SubjectId;

/**
 * Result of erasing (crypto-shredding) an individual.
 *
 * @param keysDestroyed number of data keys destroyed (0 if the individual was already erased)
 * @param alreadyErased true if the individual had been erased before this call
 */
public record ErasureResult(SubjectId id, int keysDestroyed, boolean alreadyErased) {
}
