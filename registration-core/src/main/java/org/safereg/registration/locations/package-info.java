/** Location reference data (P-code hierarchy and sites); {@code LocationRepository} and {@code ResolvedLocation} are internal. */
package org.safereg.registration.locations;
