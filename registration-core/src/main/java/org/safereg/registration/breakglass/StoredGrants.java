package org.safereg.registration.breakglass;

import java.time.Instant;
import java.util.List;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.breakglass.BreakGlassGrant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Internal: the approved break-glass grants the access guard hands to the policy decision point, read from
 * {@code break_glass_request} in the guarded operation's transaction (one indexed query). Thread-safe.
 */
public final class StoredGrants {
    private final BreakGlassStore store;

    public StoredGrants(JdbcClient jdbc) {
        this.store = new BreakGlassStore(jdbc);
    }

    /** The approved grants naming {@code subject} that have not expired at {@code at}. */
    public List<BreakGlassGrant> activeFor(SubjectId subject, Instant at) {
        return store.grants(subject, at);
    }
}
