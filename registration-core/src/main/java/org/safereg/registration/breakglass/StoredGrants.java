package org.safereg.registration.breakglass;

import java.time.Instant;
import java.util.List;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.breakglass.BreakGlassGrant;
import org.safereg.privacy.breakglass.BreakGlassId;
import org.safereg.registration.audit.BreakGlassUses;
import org.safereg.registration.consent.BreakGlassGrants;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Internal: the approved break-glass grants the access guard hands to the policy decision point, read from
 * {@code break_glass_request} in the guarded operation's transaction (one indexed query), and the record of
 * which audited operations each grant permitted ({@code break_glass_access}). Thread-safe.
 */
public final class StoredGrants implements BreakGlassGrants, BreakGlassUses {
    private final BreakGlassStore store;

    /** Grants and uses stored through {@code jdbc} (the registry database, in the caller's transaction). */
    public StoredGrants(JdbcClient jdbc) {
        this.store = new BreakGlassStore(jdbc);
    }

    @Override
    public List<BreakGlassGrant> activeFor(SubjectId subject, Instant at) {
        return store.grants(subject, at);
    }

    @Override
    public void used(BreakGlassId grant, List<Long> auditSequences) {
        store.recordAccesses(grant, auditSequences);
    }
}
