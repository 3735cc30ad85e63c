package org.safereg.privacy.statistics.extract;

import java.util.List;

/**
 * Information treatment removed from an extract.
 *
 * @param quasiIdentifiers per field, in the extract's order
 * @param recordsWithSuppression records with at least one suppressed value
 * @param lossShare the weighted loss of {@link QuasiIdentifier} summed over every published value, divided by
 *     its maximum (every value suppressed): 0 for an untouched extract, 1 when nothing is left
 */
public record InformationLoss(List<QuasiIdentifierTreatment> quasiIdentifiers, long recordsWithSuppression,
                              double lossShare) {
    public InformationLoss {
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
    }

    /** Values suppressed over all fields. */
    public long valuesSuppressed() {
        return quasiIdentifiers.stream().mapToLong(QuasiIdentifierTreatment::valuesSuppressed).sum();
    }
}
