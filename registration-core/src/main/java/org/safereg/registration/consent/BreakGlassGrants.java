package org.safereg.registration.consent;

import java.time.Instant;
import java.util.List;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.breakglass.BreakGlassGrant;

/**
 * Source of the approved break-glass grants naming a subject, read by the {@link SubjectBasesLoader} in the
 * transaction of the guarded operation (internal seam: the break-glass workflow implements it; until then
 * {@link #NONE} answers no grant). Implementations are thread-safe and read with the caller's transaction.
 */
public interface BreakGlassGrants {

    /** No grant for anybody. */
    BreakGlassGrants NONE = (subject, at) -> List.of();

    /** The approved grants naming {@code subject} that have not expired at {@code at} (any requester, any purpose). */
    List<BreakGlassGrant> activeFor(SubjectId subject, Instant at);
}
