package org.safereg.privacy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.safereg.privacy.breakglass.BreakGlassGrant;
import org.safereg.privacy.consent.BasisRecord;

/**
 * What the policy decision point knows of one subject's bases: the current {@link BasisRecord} per purpose and
 * the approved break-glass grants naming them. The caller loads both in the transaction that will use the
 * decision; it resolves the latest entry per purpose (e.g. a withdrawal after a consent), so {@code records} holds
 * at most one per purpose (the constructor refuses two). {@link #none()} (nothing recorded) makes every purpose that needs a basis deny.
 */
public record SubjectBases(List<BasisRecord> records, List<BreakGlassGrant> grants) {
    private static final SubjectBases NONE = new SubjectBases(List.of(), List.of());

    public SubjectBases {
        records = List.copyOf(records);
        Set<PurposeCode> purposes = new HashSet<>();
        for (BasisRecord r : records) {
            if (!purposes.add(r.purpose())) {
                throw new IllegalArgumentException("two current bases for purpose " + r.purpose());
            }
        }
        grants = List.copyOf(grants);
    }

    /** No basis recorded and no grant. */
    public static SubjectBases none() {
        return NONE;
    }
}
