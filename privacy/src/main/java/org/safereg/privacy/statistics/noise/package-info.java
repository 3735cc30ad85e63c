/**
 * Differential privacy for count tables: exact integer noise samplers (discrete Laplace, discrete Gaussian)
 * over {@link java.security.SecureRandom} with rational parameters, and zCDP accounting ({@link
 * org.safereg.privacy.statistics.noise.Rho}).
 */
package org.safereg.privacy.statistics.noise;
