package org.safereg.privacy.statistics.noise;

/**
 * Integer-valued noise for differentially private counts, sampled exactly (no floating point). Implementations
 * are thread-safe (their {@link java.security.SecureRandom} is); a seeded source gives a reproducible sequence
 * only when used from one thread.
 */
public interface IntegerNoise {
    /** One draw, symmetric around 0. */
    long sample();

    /**
     * The zero-concentrated privacy loss of adding one draw to a query of the given L2 sensitivity (for a
     * count, 1): what a release spends from the budget ledger per noisy count vector.
     */
    Rho rho(long sensitivity);
}
