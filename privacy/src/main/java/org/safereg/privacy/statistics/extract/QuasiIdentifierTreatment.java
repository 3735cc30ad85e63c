package org.safereg.privacy.statistics.extract;

/**
 * What treatment did to one quasi-identifier.
 *
 * @param name the field
 * @param level the generalisation level applied to every record (see {@link QuasiIdentifier})
 * @param height the hierarchy's height (level {@code height} publishes only the root)
 * @param valuesGeneralised records whose published value is coarser than their input value (not counting
 *     suppressed ones)
 * @param valuesSuppressed records whose value was suppressed (published as missing)
 */
public record QuasiIdentifierTreatment(String name, int level, int height, long valuesGeneralised,
                                       long valuesSuppressed) {
}
