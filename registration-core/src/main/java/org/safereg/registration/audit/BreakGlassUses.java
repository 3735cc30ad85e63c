package org.safereg.registration.audit;

import java.util.List;
import org.safereg.privacy.breakglass.BreakGlassId;

/**
 * Where the {@link AccessGuard} records that a break-glass grant permitted an operation (internal): called in the
 * operation's transaction with the sequence numbers of the audit events it appended, so the data protection
 * officer's review sees exactly what was done under each grant.
 */
public interface BreakGlassUses {
    /** Records nothing. */
    BreakGlassUses NONE = (grant, auditSequences) -> { };

    /** The operation audited as {@code auditSequences} was permitted by {@code grant}. */
    void used(BreakGlassId grant, List<Long> auditSequences);
}
