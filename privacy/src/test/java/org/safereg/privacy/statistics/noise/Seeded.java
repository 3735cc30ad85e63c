package org.safereg.privacy.statistics.noise;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Reproducible SecureRandom for statistical tests: SHA1PRNG seeded before first use is deterministic. */
public final class Seeded {
    private Seeded() {}

    public static SecureRandom random(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
