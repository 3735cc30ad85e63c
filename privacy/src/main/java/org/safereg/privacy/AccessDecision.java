package org.safereg.privacy;

/** Outcome of a policy decision: permit (with the purpose and the role that allowed it) or deny with a reason. */
public sealed interface AccessDecision {

    record Permit(PurposeCode purpose, Role role) implements AccessDecision {
    }

    record Deny(DenialReason reason) implements AccessDecision {
    }

    default boolean permitted() {
        return this instanceof Permit;
    }
}
