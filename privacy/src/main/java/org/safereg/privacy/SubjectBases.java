package org.safereg.privacy;

import java.util.List;
import org.safereg.privacy.breakglass.BreakGlassGrant;
import org.safereg.privacy.consent.BasisRecord;

/**
 * What the policy decision point knows of one subject's bases: the current {@link BasisRecord} per purpose and
 * the approved break-glass grants naming them. The caller loads both in the transaction that will use the
 * decision. {@link #none()} (nothing recorded) makes every purpose that needs a basis deny.
 */
public record SubjectBases(List<BasisRecord> records, List<BreakGlassGrant> grants) {
    private static final SubjectBases NONE = new SubjectBases(List.of(), List.of());

    public SubjectBases {
        records = List.copyOf(records);
        grants = List.copyOf(grants);
    }

    /** No basis recorded and no grant. */
    public static SubjectBases none() {
        return NONE;
    }
}
