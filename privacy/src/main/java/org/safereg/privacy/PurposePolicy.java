package org.safereg.privacy;

import java.util.Map;
import java.util.Set;

/**
 * The configurable role -> allowed purposes table, and the {@link PolicyDecisionPoint} built on it: permit only
 * if the declared purpose is well-formed, known, not prohibited, and allowed for one of the actor's roles.
 * Prohibited purposes (LAW_ENFORCEMENT, IMMIGRATION_ENFORCEMENT, MILITARY, COMMERCIAL) can never be allowed:
 * a table that lists them is rejected at construction. Immutable and thread-safe.
 */
public final class PurposePolicy implements PolicyDecisionPoint {

    /** Purposes no configuration can allow. */
    public static final Set<PurposeCode> PROHIBITED = Set.of(
            PurposeCode.of("LAW_ENFORCEMENT"), PurposeCode.of("IMMIGRATION_ENFORCEMENT"),
            PurposeCode.of("MILITARY"), PurposeCode.of("COMMERCIAL"));

    public PurposePolicy(Map<Role, Set<PurposeCode>> allowedByRole) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Sensible defaults for humanitarian registration (documented in docs/api.md). */
    public static PurposePolicy defaults() {
        throw new UnsupportedOperationException("TODO");
    }

    public Set<PurposeCode> allowedFor(Role role) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public AccessDecision decide(AccessRequest request) {
        throw new UnsupportedOperationException("TODO");
    }
}
