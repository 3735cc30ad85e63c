package org.safereg.registration;

import java.util.Objects;
import java.util.Optional;
import org.safereg.privacy.Actor;

/**
 * Who asks, for what declared purpose, in which request. Every public service method that touches personal
 * data takes one: the service asks the policy decision point with it and records it in the audit trail.
 *
 * @param actor the authenticated user
 * @param declaredPurpose the purpose exactly as the client sent it ({@code X-Purpose}), empty if none was sent;
 *                        the policy decides whether it is well-formed and allowed
 * @param requestId correlation id of the request (recorded in audit events), at most 100 characters
 */
public record RequestContext(Actor actor, Optional<String> declaredPurpose, String requestId) {
    public RequestContext {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(declaredPurpose, "declaredPurpose");
        Objects.requireNonNull(requestId, "requestId");
        if (requestId.length() > 100) {
            throw new IllegalArgumentException("requestId longer than 100 characters");
        }
    }

    /** A context with a declared purpose (possibly null, meaning none was sent). */
    public static RequestContext of(Actor actor, String declaredPurpose, String requestId) {
        return new RequestContext(actor, Optional.ofNullable(declaredPurpose), requestId);
    }
}
